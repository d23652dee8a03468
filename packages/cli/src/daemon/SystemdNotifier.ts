import { execFile } from 'node:child_process';
import { HaError } from '@heartline/core';

/** Runs a program; resolves with its failure (undefined when it exited 0). */
export type NotifyRunner = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => Promise<Error | undefined>;

const runProgram: NotifyRunner = (file, args, env) =>
  new Promise((resolve) => {
    execFile(file, [...args], { env, timeout: 10_000 }, (error, _stdout, stderr) => {
      resolve(error === null ? undefined : new Error(`${error.message.split('\n')[0] ?? ''}${stderr.trim() === '' ? '' : `: ${stderr.trim()}`}`));
    });
  });

/**
 * sd_notify for a unit of `Type=notify`: READY=1 once the node is in service, STOPPING=1 when the
 * graceful stop begins. Node cannot send a UNIX datagram, so systemd's own `systemd-notify` sends
 * it, naming the daemon as the main pid (the unit has NotifyAccess=all, as the sender is a child);
 * systemd-notify waits until systemd has read the message, so it cannot be lost when the child
 * exits first. Nothing is done without $NOTIFY_SOCKET (not started by systemd, or not Type=notify).
 */
export class SystemdNotifier {
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly pid: number = process.pid,
    private readonly run: NotifyRunner = runProgram,
    private readonly program = 'systemd-notify',
  ) {}

  get enabled(): boolean {
    return (this.env['NOTIFY_SOCKET'] ?? '') !== '';
  }

  /** READY=1 (and MAINPID). Resolves with the error to log, if any; never rejects. */
  ready(): Promise<HaError | undefined> {
    return this.send(['--ready'], 'READY=1');
  }

  stopping(): Promise<HaError | undefined> {
    return this.send(['STOPPING=1'], 'STOPPING=1');
  }

  private async send(args: readonly string[], what: string): Promise<HaError | undefined> {
    if (!this.enabled) return undefined;
    const failure = await this.run(this.program, [`--pid=${this.pid}`, ...args], this.env);
    if (failure === undefined) return undefined;
    return new HaError('SYSTEMD_NOTIFY_FAILED', `cannot send ${what} to systemd (${this.env['NOTIFY_SOCKET']}) with ${this.program}: ${failure.message}`, {
      cause: failure,
    });
  }
}
