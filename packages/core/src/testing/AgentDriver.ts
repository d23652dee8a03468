import { spawn, type ChildProcess } from 'node:child_process';
import { SystemClock } from '../time/SystemClock.js';
import type { DriverAnswer } from './DriverAnswer.js';
import type { DriverRequest } from './DriverRequest.js';
import { onLines } from './onLines.js';

/**
 * A plugin's agents running in a network namespace, asked one operation at a time: spawns
 * `ip netns exec NS [setpriv …] node DRIVER` where DRIVER is the plugin's driver process (a script
 * that calls `serveAgentRequests`), one JSON request a line on its stdin, one JSON answer a line on
 * its stdout. For plugins' netns tests and lab benchmarks: Node cannot enter a namespace itself,
 * and netlink, sockets and the daemons an agent starts belong to the namespace of the process.
 */
export class AgentDriver {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, (answer: DriverAnswer) => void>();
  private readonly clock = new SystemClock();
  private nextId = 1;
  private stderr = '';

  /**
   * `driverPath`: the plugin's driver process script (compiled JavaScript). `env`: added to its
   * environment; there `HL_TIMEOUT_MS` and `HL_HA_DIR` set the operations' timeout and haDir, and
   * the `HA_*` variables are the agents' resource environment (see `serveAgentRequests`).
   * `asUser`: a uid (and gid) to run it as, through `setpriv`.
   */
  constructor(driverPath: string, ns: string, env: Record<string, string> = {}, asUser?: number) {
    const user = asUser === undefined ? [] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups'];
    this.child = spawn('ip', ['netns', 'exec', ns, ...user, process.execPath, '--enable-source-maps', driverPath], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    onLines(this.child.stdout, (line) => {
      const answer = JSON.parse(line) as DriverAnswer;
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * One operation on a haresources resource token. `hide`: tool names the agent is to find missing
   * (what that means is the plugin's driver process's business). `timeoutMs`: how long to wait for
   * the answer before rejecting with the driver's stderr (default 60 s).
   */
  ask(op: DriverRequest['op'], resource: string, options: { readonly hide?: readonly string[]; readonly timeoutMs?: number } = {}): Promise<DriverAnswer> {
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`agent driver: no answer to ${op} ${resource} in ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiting.set(id, (answer) => {
        timer.cancel();
        resolve(answer);
      });
      const request: DriverRequest = { id, op, resource, ...(options.hide === undefined ? {} : { hide: options.hide }) };
      this.child.stdin?.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Closes its stdin and waits for it to exit; kills it (by its PID) if it does not within 2 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin?.end();
    const timer = this.clock.setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    timer.cancel();
  }
}
