import type { CommandOutcome, CommandRequest, CommandRunner } from '@heartline/core';
import type { FakeMachine } from './FakeMachine.js';

/** `apache2 -V` on Debian (the lines the agent reads). */
export const DEBIAN_V = ` -D HTTPD_ROOT="/etc/apache2"\n -D DEFAULT_PIDLOG="/run/apache2.pid"\n -D DEFAULT_ERRORLOG="logs/error_log"\n`;

/** What `apache2 … -k start` does: starts a server on the machine, or fails with apache's words. */
export type StartBehaviour = { readonly pid: number; readonly pidFile: string; readonly port: number; readonly address?: string } | Partial<CommandOutcome>;

/**
 * A CommandRunner for the apache binary: `-V` prints Debian's settings; `-k start` does what the
 * behaviour says (a server that forks and listens, or an exit with stderr); other files run a
 * script behaviour by path. Every request is recorded.
 */
export class FakeApache implements CommandRunner {
  readonly requests: CommandRequest[] = [];
  readonly scripts = new Map<string, Partial<CommandOutcome>>();

  constructor(
    private readonly machine: FakeMachine,
    public start: StartBehaviour,
  ) {}

  run(request: CommandRequest): Promise<CommandOutcome> {
    this.requests.push(request);
    const ok: CommandOutcome = { exitCode: 0, signal: undefined, stdout: '', stderr: '', timedOut: false, durationMs: 1 };
    if (request.args.includes('-V')) return Promise.resolve({ ...ok, stdout: DEBIAN_V });
    if (request.args.includes('-k')) {
      if ('pid' in this.start) {
        this.machine.runApache(this.start.pid, this.start.pidFile, this.start.port, this.start.address, request.file);
        return Promise.resolve(ok);
      }
      return Promise.resolve({ ...ok, ...this.start });
    }
    return Promise.resolve({ ...ok, ...(this.scripts.get(request.file) ?? {}) });
  }

  /** The command lines run, `file arg arg`, without the `-V` probe. */
  lines(): string[] {
    return this.requests.filter((r) => !r.args.includes('-V')).map((r) => [r.file, ...r.args].join(' '));
  }
}
