import { execFileSync } from 'node:child_process';

/** Which of `commands` the shell cannot find on PATH (for skip reasons and benchmark preconditions). */
export function missingCommands(commands: readonly string[]): string[] {
  return commands.filter((command) => {
    try {
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}
