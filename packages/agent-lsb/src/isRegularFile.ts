import { statSync } from 'node:fs';

/** `[ -f $path ]`: a regular file, symlinks followed. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
