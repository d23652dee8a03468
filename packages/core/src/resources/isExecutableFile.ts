import { accessSync, constants, statSync } from 'node:fs';

/** heartbeat's `[ -f $path -a -x $path ]`: a regular file (symlinks followed) we may execute. For agents that look for scripts and tools. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
