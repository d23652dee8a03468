import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The script of STONITH type `external/NAME`: `<pluginDir>/external/NAME`, which cluster-glue runs
 * only when it is a regular file, executable, and writable by its owner alone (a script anyone may
 * change would reset nodes on their behalf). `problem` says what is wrong.
 */
export function locateExternalPlugin(type: string, pluginDir: string): { readonly path: string; readonly problem?: string } {
  const name = type.slice('external/'.length);
  const path = join(pluginDir, 'external', name);
  if (!type.startsWith('external/') || name === '' || name.includes('/') || name === '.' || name === '..') {
    return { path, problem: `"${type}" is not external/NAME with a plain file name` };
  }
  let mode: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { path, problem: `${path} is not a regular file` };
    mode = stat.mode;
  } catch (error) {
    return { path, problem: `${path} cannot be used: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if ((mode & 0o111) === 0) return { path, problem: `${path} is not executable` };
  if ((mode & 0o022) !== 0) return { path, problem: `${path} is writable by group or others (mode ${(mode & 0o777).toString(8)}); cluster-glue refuses to run it, and so does Heartline` };
  return { path };
}
