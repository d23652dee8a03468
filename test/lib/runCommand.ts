import { spawn } from 'node:child_process';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Resolve with the result instead of rejecting when the exit code is not 0. */
  readonly allowFailure?: boolean;
  readonly timeoutMs?: number;
  readonly input?: string;
  /** The command's whole environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/**
 * Runs a short command to completion. It gets its own process group, and on timeout the whole
 * group is killed (execa and execFile would kill only the direct child: `ip netns exec`, `nsenter`).
 */
export function runCommand(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      detached: true,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (child.stdin !== null) {
      child.stdin.on('error', () => undefined); // a command may exit without reading its input
      child.stdin.end(options.input);
    }
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code: code ?? (signal === null ? -1 : 128), stdout, stderr };
      if (result.code === 0 || options.allowFailure === true) resolve(result);
      else {
        const why = signal === 'SIGKILL' ? `killed after ${timeoutMs} ms` : `exit ${code ?? signal}`;
        reject(new Error(`${file} ${args.join(' ')}: ${why}\n${stderr.trim()}`));
      }
    });
  });
}
