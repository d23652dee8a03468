import { accessSync, constants, statSync } from 'node:fs';

/** `[ -f $path -a -x $path ]`: a regular file (symlinks followed) we may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
