import { answered } from './answered.js';
import type { ApacheInstance } from './ApacheInstance.js';
import { describeAnswer } from './describeAnswer.js';
import type { HttpAnswer } from './HttpAnswer.js';
import type { SpecProblem } from './SpecProblem.js';

/** What status saw: the main process (alive), the pid the pid file names, the GET's answer. */
export interface StatusObservation {
  readonly main: number | undefined;
  readonly recorded: number | undefined;
  readonly answer: HttpAnswer;
}

/**
 * Status in one place: the main process alive **and** HTTP answering is running; neither is
 * stopped (a pid file left by a killed apache included); one without the other failed, saying
 * which half is missing.
 */
export function statusVerdict(seen: StatusObservation, apache: Pick<ApacheInstance, 'name' | 'url' | 'needsSuccess' | 'pidFile'>): { readonly status: 'running' | 'stopped' } | SpecProblem {
  const healthy = answered(seen.answer, apache.needsSuccess);
  if (seen.main !== undefined) {
    if (healthy) return { status: 'running' };
    return { code: 'APACHE_NOT_ANSWERING', message: `${apache.name}: apache runs (pid ${seen.main}) but ${apache.url} does not answer: ${describeAnswer(seen.answer)}` };
  }
  if (!('status' in seen.answer)) return { status: 'stopped' };
  const why = seen.recorded === undefined ? `there is no pid file ${apache.pidFile}` : `pid ${seen.recorded} of ${apache.pidFile} is not running`;
  return {
    code: 'APACHE_NO_PROCESS',
    message: `${apache.name}: ${apache.url} answers (${describeAnswer(seen.answer)}) but no apache main process runs: ${why} (children left by a main process killed with -9, or another server on its address)`,
  };
}
