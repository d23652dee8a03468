import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** packages/cli/bin/ha.js, from dist/test where the tests run. */
export const haBin = fileURLToPath(new URL('../../bin/ha.js', import.meta.url));
/** packages/core/test/fixtures. */
export const coreFixtures = fileURLToPath(new URL('../../../core/test/fixtures/', import.meta.url));

export interface HaRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/ha.js ...args` as a child process, the way an admin runs `ha`. */
export function runHa(args: readonly string[]): Promise<HaRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [haBin, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
