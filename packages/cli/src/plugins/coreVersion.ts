import { createRequire } from 'node:module';

/**
 * The version of @heartline/core this `ha` runs: the copy its own imports resolve to (a plugin
 * installed with `ha plugins install` brings another copy, which is not the one that runs it).
 */
export function coreVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@heartline/core/package.json') as { version: string }).version;
}
