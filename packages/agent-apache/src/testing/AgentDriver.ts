import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SystemClock } from '@heartline/core';
import type { DriverAnswer } from './DriverAnswer.js';
import type { DriverRequest } from './DriverRequest.js';
import { onLines } from './onLines.js';

const driverPath = fileURLToPath(new URL('./agentDriverProcess.js', import.meta.url));

/**
 * The apache agents running in a network namespace (`agentDriverProcess`), asked one operation at
 * a time, so the apache they start binds there. For agent-apache's netns tests.
 */
export class AgentDriver {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, (answer: DriverAnswer) => void>();
  private readonly clock = new SystemClock();
  private nextId = 1;
  private stderr = '';

  /** `env`: added to the driver's environment; `HL_TIMEOUT_MS` sets the operations' timeout (default 20 s). */
  constructor(ns: string, env: Record<string, string> = {}) {
    this.child = spawn('ip', ['netns', 'exec', ns, process.execPath, '--enable-source-maps', driverPath], {
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

  ask(op: DriverRequest['op'], resource: string, timeoutMs = 60_000): Promise<DriverAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => reject(new Error(`agent driver: no answer to ${op} ${resource} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiting.set(id, (answer) => {
        timer.cancel();
        resolve(answer);
      });
      const request: DriverRequest = { id, op, resource };
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
