import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../runCommand.js';
import { LogTail } from '../LogTail.js';

/** The `ha` CLI of this checkout (from test/dist/lib/serial/). */
export const haBin = fileURLToPath(new URL('../../../../packages/cli/bin/ha.js', import.meta.url));

/**
 * A Heartline daemon (`ha start`) on this host whose only media are serial lines: it needs no
 * namespace, because it never touches /etc/ha.d, /var/lib/heartbeat or /run: config, state and
 * control socket live in `dir`, the node name is given. Killed by its own pid only.
 */
export class HeartlineSerialNode {
  private child: ChildProcess | undefined;
  readonly log: LogTail;

  constructor(
    readonly dir: string,
    readonly name: string,
  ) {
    for (const d of ['etc', 'state', 'run']) mkdirSync(join(dir, d), { recursive: true });
    this.log = new LogTail(this.logPath);
  }

  get logPath(): string {
    return join(this.dir, 'ha-log');
  }

  get runDir(): string {
    return join(this.dir, 'run');
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** ha.cf gets `logfile` pointed at our log; authkeys is sha1 with `key`; haresources as given. */
  configure(haCf: string, key: string, haresources = ''): void {
    const etc = join(this.dir, 'etc');
    writeFileSync(join(etc, 'ha.cf'), `logfile ${this.logPath}\n${haCf}`);
    writeFileSync(join(etc, 'authkeys'), `auth 1\n1 sha1 ${key}\n`);
    chmodSync(join(etc, 'authkeys'), 0o600);
    writeFileSync(join(etc, 'haresources'), haresources);
  }

  start(): void {
    if (this.child !== undefined) throw new Error(`${this.name} already running`);
    const out = openSync(join(this.dir, 'stdout.log'), 'a');
    const args = ['start', '--config-dir', join(this.dir, 'etc'), '--node-name', this.name, '--state-dir', join(this.dir, 'state'), '--run-dir', this.runDir];
    this.child = spawn(process.execPath, [haBin, ...args], { stdio: ['ignore', out, out] });
  }

  /** SIGKILL: the node dies mid-sentence, no goodbye on the line. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: heartbeat's graceful leave. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  async status(): Promise<StatusJson> {
    const { stdout } = await runCommand(process.execPath, [haBin, 'status', '--run-dir', this.runDir, '--json'], { timeoutMs: 10_000 });
    return JSON.parse(stdout) as StatusJson;
  }

  async dispose(): Promise<void> {
    await this.kill();
    this.log.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/** The part of `ha status --json` these tests read. */
export interface StatusJson {
  readonly localNode: string;
  readonly localStatus: string;
  readonly commUp: boolean;
  readonly nodes: ReadonlyArray<{
    readonly name: string;
    readonly status: string;
    readonly links: ReadonlyArray<{ readonly name: string; readonly status: string }>;
  }>;
}
