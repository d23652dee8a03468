import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DriverAnswer } from './DriverAnswer.js';
import type { DriverRequest } from './DriverRequest.js';

const driverPath = fileURLToPath(new URL('./agentDriverProcess.js', import.meta.url));

/** The agent driver running in a namespace (optionally as another user), asked one operation at a time. */
export class AgentDriver {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, (answer: DriverAnswer) => void>();
  private nextId = 1;
  private stderr = '';

  constructor(ns: string, env: Record<string, string>, asUser?: number) {
    const user = asUser === undefined ? [] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups'];
    this.child = spawn('ip', ['netns', 'exec', ns, ...user, process.execPath, '--enable-source-maps', driverPath], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let buffered = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const answer = JSON.parse(line) as DriverAnswer;
        this.waiting.get(answer.id)?.(answer);
        this.waiting.delete(answer.id);
      }
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  ask(op: DriverRequest['op'], resource: string, hide?: readonly string[]): Promise<DriverAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`driver: no answer to ${op} ${resource} in 15 s; stderr: ${this.stderr}`)), 15_000);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      const request: DriverRequest = { id, op, resource, ...(hide === undefined ? {} : { hide }) };
      this.child.stdin?.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Closes its stdin and waits for it to exit; kills it (by its pid) if it does not within 2 s. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}
