import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/dist/lib/repoRoot.js once built). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
