import { spawn } from 'node:child_process';
import type { LoggerProcess } from './LoggerProcess.js';

/** The real spawner: one `logger` child, stdin piped, its stderr kept to explain an exit. */
export function spawnLoggerProcess(args: readonly string[]): LoggerProcess {
  const child = spawn('logger', [...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  let exited: string | undefined;
  const listeners: Array<(reason: string) => void> = [];
  const finish = (reason: string): void => {
    if (exited !== undefined) return;
    exited = reason;
    for (const listener of listeners) listener(reason);
  };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-500);
  });
  child.on('error', (error: NodeJS.ErrnoException) => {
    finish(error.code === 'ENOENT' ? 'the logger command (util-linux) is not installed' : `logger failed: ${error.message}`);
  });
  child.on('close', (code, signal) => {
    const why = stderr.trim().split('\n').at(-1) ?? '';
    finish(`logger exited (${signal ?? `code ${code ?? '?'}`})${why === '' ? '' : `: ${why}`}`);
  });
  // A dead child makes writes fail with EPIPE; the close event reports it.
  child.stdin?.on('error', () => undefined);
  return {
    write: (line) => {
      if (exited === undefined) child.stdin?.write(line);
    },
    end: () => child.stdin?.end(),
    onExit: (listener) => {
      if (exited !== undefined) listener(exited);
      else listeners.push(listener);
    },
  };
}
