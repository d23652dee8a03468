import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HaError } from '../errors/HaError.js';
import type { ConfigDir } from './ConfigDir.js';
import type { ConfigIssue } from './ConfigIssue.js';
import { checkRuleSelectors } from './checkRuleSelectors.js';
import { emptyHeartlineCf } from './HeartlineCf.js';
import { parseHaCf } from './parseHaCf.js';
import { parseHaResources } from './parseHaResources.js';
import { parseHeartlineCf } from './parseHeartlineCf.js';
import { readAuthKeysFile, type KeyFileOwnerOptions } from './readAuthKeysFile.js';
import { readProblem } from './readProblem.js';
import { sortIssues } from './sortIssues.js';

/**
 * Reads ha.cf, haresources and authkeys from `dir` (heartbeat's /etc/ha.d), and Heartline's own
 * optional heartline.cf, and returns them parsed with all their issues. A missing or unreadable
 * file is an issue too (heartline.cf may be missing), so one run shows everything; only a missing
 * directory throws (CONFIG_DIR_NOT_FOUND).
 */
export async function loadConfigDir(dir: string, options: KeyFileOwnerOptions = {}): Promise<ConfigDir> {
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new HaError('CONFIG_DIR_NOT_FOUND', `configuration directory ${dir} does not exist or is not a directory`);
  }
  const files = {
    haCf: join(dir, 'ha.cf'),
    haresources: join(dir, 'haresources'),
    authkeys: join(dir, 'authkeys'),
    heartline: join(dir, 'heartline.cf'),
  };
  const issues: ConfigIssue[] = [];

  const haCfText = await readText(files.haCf, issues);
  const { config: haCf, issues: haCfIssues } = parseHaCf(haCfText ?? '', files.haCf);
  // Without ha.cf its defaults would only add noise (no media, no nodes) to the read error.
  if (haCfText !== undefined) issues.push(...haCfIssues);

  const resourcesText = await readText(files.haresources, issues);
  const { groups, issues: resourceIssues } = parseHaResources(resourcesText ?? '', files.haresources, haCf.nodes);
  // Node names can only be checked against an ha.cf that was read.
  issues.push(...resourceIssues.filter((i) => haCfText !== undefined || i.code !== 'HARESOURCES_UNKNOWN_NODE'));

  const { keys: authKeys, issues: keyIssues } = await readAuthKeysFile(files.authkeys, options);
  issues.push(...keyIssues);

  const heartlineText = await readText(files.heartline, issues, { optional: true });
  let heartline = emptyHeartlineCf;
  if (heartlineText !== undefined) {
    const parsed = parseHeartlineCf(heartlineText, files.heartline);
    heartline = parsed.config;
    issues.push(...parsed.issues);
    if (resourcesText !== undefined) {
      const selectors = [heartline.monitors, heartline.timeouts].flatMap((rules) => checkRuleSelectors(rules, groups, files.heartline));
      issues.push(...sortIssues(selectors));
    }
  }
  return { dir, files, haCf, groups, authKeys, heartline, issues };
}

async function readText(path: string, issues: ConfigIssue[], { optional = false } = {}): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    issues.push(readProblem(path, error));
    return undefined;
  }
}
