import { daemonDefaults } from '../daemon/daemonDefaults.js';
import type { ParsedStatusArgv } from './ParsedStatusArgv.js';
import type { StatusQuestion } from './StatusQuestion.js';

const RUN_DIR = '--run-dir';

/**
 * Reads the words after `ha status <word>` when they are a plain, complete command line of
 * `question`: its arguments, `--run-dir DIR` or `--run-dir=DIR`, and its boolean flags, each at
 * most once, in any order. Anything else — help, a flag it does not know, a missing or extra
 * argument, `--` — gives undefined, so oclif handles it and prints its own message and help: the
 * fast path never answers a command line oclif would answer differently.
 */
export function parseStatusArgv(words: readonly string[], question: StatusQuestion): ParsedStatusArgv | undefined {
  const args: string[] = [];
  const flags: Record<string, boolean> = {};
  let runDir: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '' || word === '-' || word === '--') return undefined;
    if (!word.startsWith('-')) {
      args.push(word);
      continue;
    }
    if (word === RUN_DIR || word.startsWith(`${RUN_DIR}=`)) {
      const value = word === RUN_DIR ? words[++i] : word.slice(RUN_DIR.length + 1);
      if (runDir !== undefined || value === undefined || value === '' || value.startsWith('-')) return undefined;
      runDir = value;
      continue;
    }
    const flag = booleanFlagOf(question, word);
    if (flag === undefined || flags[flag] !== undefined) return undefined;
    flags[flag] = true;
  }
  if (args.length !== question.args.length) return undefined;
  for (const name of Object.keys(question.booleanFlags)) flags[name] ??= false;
  return { question, args, runDir: runDir ?? daemonDefaults.runDir, flags };
}

/** The long name of the boolean flag `word` (`--name` or `-c`) sets, if the question has it. */
function booleanFlagOf(question: StatusQuestion, word: string): string | undefined {
  for (const [name, char] of Object.entries(question.booleanFlags)) {
    if (word === `--${name}` || (char !== undefined && word === `-${char}`)) return name;
  }
  return undefined;
}
