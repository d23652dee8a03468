import { daemonDefaults } from '../daemon/daemonDefaults.js';
import type { StartFlags } from './StartFlags.js';

/** The flags of `ha start` (all strings), by long name, as the Start command declares them. */
const FLAGS = ['config-dir', 'node-name', 'state-dir', 'run-dir', 'init-dir'] as const;
type FlagName = (typeof FLAGS)[number];

/**
 * Reads the words after `ha start` when they are a plain, complete command line: each flag at most
 * once, as `--flag VALUE` or `--flag=VALUE`, with a value that is not empty and does not start with
 * `-`. Anything else — help, an argument, an unknown or repeated flag, `--` — gives undefined, so
 * that oclif runs the command and answers it with its own message or help: the lean path never
 * starts a daemon oclif would not have started the same way.
 */
export function parseStartArgv(words: readonly string[]): StartFlags | undefined {
  const values = new Map<FlagName, string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const eq = word.indexOf('=');
    const name = FLAGS.find((f) => (eq < 0 ? word === `--${f}` : word.slice(0, eq) === `--${f}`));
    if (name === undefined || values.has(name)) return undefined;
    const value = eq < 0 ? words[++i] : word.slice(eq + 1);
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    values.set(name, value);
  }
  return {
    configDir: values.get('config-dir') ?? daemonDefaults.configDir,
    nodeName: values.get('node-name'),
    stateDir: values.get('state-dir') ?? daemonDefaults.stateDir,
    runDir: values.get('run-dir') ?? daemonDefaults.runDir,
    initDir: values.get('init-dir') ?? daemonDefaults.initDir,
  };
}
