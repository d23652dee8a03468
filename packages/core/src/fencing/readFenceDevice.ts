import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ConfigIssue } from '../config/ConfigIssue.js';
import { readProblem } from '../config/readProblem.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';
import type { FenceDevice } from './FenceDevice.js';
import type { StonithLine } from './StonithLine.js';

/**
 * The device one ha.cf line configures. `stonith TYPE FILE` takes its parameters from the file's
 * first line that is neither empty nor starts with `#` (cluster-glue's stonith_set_config_file);
 * a relative FILE is taken from the configuration directory.
 */
export async function readFenceDevice(
  line: StonithLine,
  configDir: string,
): Promise<{ readonly device: FenceDevice | undefined; readonly issues: ConfigIssue[] }> {
  if (line.directive === 'stonith_host') {
    return { device: { type: line.type, params: line.params, where: line.where, source: `stonith_host ${line.host} ${line.type}` }, issues: [] };
  }
  const path = isAbsolute(line.configFile) ? line.configFile : join(configDir, line.configFile);
  const source = `stonith ${line.type} ${line.configFile}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const problem = readProblem(path, error);
    return { device: undefined, issues: [{ ...problem, ...line.where, message: `${source}: ${problem.message}` }] };
  }
  const params = text.split('\n').find((l) => l !== '' && !l.startsWith('#'));
  if (params === undefined) {
    const issue: ConfigIssue = {
      ...line.where,
      code: 'FENCE_BAD_PARAMETERS',
      severity: 'error',
      message: `${source}: ${path} has no parameter line (every line is empty or a comment)`,
      hint: errorCatalogue.FENCE_BAD_PARAMETERS.hint,
    };
    return { device: undefined, issues: [issue] };
  }
  return { device: { type: line.type, params: params.replace(/\r$/, ''), where: line.where, source }, issues: [] };
}
