import type { ParsedStatusArgv } from './ParsedStatusArgv.js';
import { parseStatusArgv } from './parseStatusArgv.js';
import type { StatusQuestionLoader } from './StatusQuestionLoader.js';

/**
 * The question the words after `ha status` ask — the one named by the first word, else the overview
 * — loaded, with the rest of the words read by parseStatusArgv; undefined for oclif to handle.
 */
export async function readStatusArgv(argv: readonly string[], loaders: readonly StatusQuestionLoader[]): Promise<ParsedStatusArgv | undefined> {
  const named = loaders.find((l) => l.word !== '' && l.word === argv[0]);
  const loader = named ?? loaders.find((l) => l.word === '');
  if (loader === undefined) return undefined;
  return parseStatusArgv(named === undefined ? argv : argv.slice(1), await loader.load());
}
