import { isExecutableFile } from '@heartline/core';
import { isRegularFile } from './isRegularFile.js';
import type { ScriptLookup } from './ScriptLookup.js';

/**
 * ResourceManager's `scriptpath`: `$HA_RESOURCEDIR/<name>` (`<haDir>/resource.d`), then
 * `$INITDIR/<name>`; the first regular executable file wins.
 */
export function locateScript(name: string, dirs: { readonly haDir: string; readonly initDir: string }): ScriptLookup {
  const searched = [`${dirs.haDir}/resource.d/${name}`, `${dirs.initDir}/${name}`];
  const path = searched.find(isExecutableFile);
  const notExecutable = searched.filter((p) => p !== path && isRegularFile(p) && !isExecutableFile(p));
  return { path, searched, notExecutable };
}
