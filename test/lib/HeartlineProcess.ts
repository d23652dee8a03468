import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeartlineStatus } from './HeartlineStatus.js';
import type { LabNode } from './LabNode.js';
import { LogTail } from './LogTail.js';
import { repoRoot } from './repoRoot.js';
import type { CommandResult } from './runCommand.js';
import { waitUntil } from './waitUntil.js';

/**
 * A Heartline node (`ha start`) on a lab node: run inside the node's container, in the foreground,
 * in its own process group (the nsenter that enters the namespaces and the node under it), so a
 * SIGKILL of the group is a crash of the daemon. Its ha.cf log file is followed in `log`.
 */
export class HeartlineProcess {
  readonly log: LogTail;
  private readonly haCommand: readonly [string, ...string[]];
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;

  /**
   * `haCommand`: the program and leading arguments that run `ha` (default: this repository's
   * packages/cli/bin/ha.js), e.g. an `ha` installed from a registry, with `env VAR=…` before it.
   */
  constructor(
    readonly node: LabNode,
    haCommand?: readonly [string, ...string[]],
  ) {
    this.log = new LogTail(join(node.logDir, 'ha-log'));
    this.haCommand = haCommand ?? [process.execPath, join(repoRoot, 'packages/cli/bin/ha.js')];
  }

  get stateDir(): string {
    return join(this.node.dir, 'hl-state');
  }

  get runDir(): string {
    return join(this.node.dir, 'hl-run');
  }

  get outputFile(): string {
    return join(this.node.logDir, 'heartline.out');
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.running) throw new Error(`${this.node.name}: Heartline is already running`);
    mkdirSync(this.stateDir, { recursive: true });
    mkdirSync(this.runDir, { recursive: true });
    const [file, ...leading] = this.haCommand;
    const child = this.node.spawn(
      file,
      [...leading, 'start', '--config-dir', this.node.configDir, '--node-name', this.node.name,
        '--state-dir', this.stateDir, '--run-dir', this.runDir],
      this.outputFile,
    );
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Waits until `ha status` answers, i.e. the daemon runs and its media are open. */
  async waitStarted(timeoutMs = 20_000): Promise<HeartlineStatus> {
    return waitUntil(`${this.node.name}: Heartline to answer ha status (see ${this.outputFile})`, async () => {
      if (!this.running) throw new Error(`Heartline exited: ${this.output().slice(-2000)}`);
      return this.status();
    }, { timeoutMs, intervalMs: 100 });
  }

  /** `ha status --json` on the node, or undefined when the daemon does not answer. */
  async status(): Promise<HeartlineStatus | undefined> {
    const result = await this.ha(['status', '--json']);
    if (result.code !== 0) return undefined;
    return JSON.parse(result.stdout) as HeartlineStatus;
  }

  /** Runs `ha ARGS --run-dir <this daemon's>` on the node. */
  ha(args: readonly string[]): Promise<CommandResult> {
    const [file, ...leading] = this.haCommand;
    return this.node.exec(file, [...leading, ...args, '--run-dir', this.runDir], {
      allowFailure: true,
      timeoutMs: 15_000,
    });
  }

  /** The status of `name` as this node sees it ('' when unknown). */
  async nodeStatus(name: string): Promise<string> {
    return (await this.status())?.nodes.find((n) => n.name === name)?.status ?? '';
  }

  /** SIGKILL to the whole process group; returns performance.now() just before it. */
  async kill(): Promise<number> {
    const child = this.child;
    if (child?.pid === undefined || !this.running) throw new Error(`${this.node.name}: Heartline is not running`);
    const daemon = this.daemonPid();
    const at = performance.now();
    process.kill(-child.pid, 'SIGKILL');
    await this.exited;
    // nsenter is gone; the daemon it forked may take a moment longer to exit.
    if (daemon !== undefined) await waitUntil(`${this.node.name}: the killed daemon (pid ${daemon}) to exit`, () => (hasExited(daemon) ? true : undefined), { timeoutMs: 5_000, intervalMs: 10 });
    return at;
  }

  /** SIGTERM to the daemon (not to nsenter), then waits for it to exit; returns its exit code. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    const child = this.child;
    if (child?.pid === undefined || !this.running) return null;
    const daemon = this.daemonPid();
    process.kill(daemon ?? child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code ?? null;
  }

  output(): string {
    return existsSync(this.outputFile) ? readFileSync(this.outputFile, 'utf8') : '';
  }

  close(): void {
    this.log.close();
    const pid = this.child?.pid;
    if (pid !== undefined && this.running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }

  /** Host PID of the daemon: the child nsenter forked into the node's PID namespace. */
  private daemonPid(): number | undefined {
    const pid = this.child?.pid;
    if (pid === undefined) return undefined;
    try {
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
      return children[0] ? Number(children[0]) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Whether a host pid is gone, or has exited and waits to be reaped (a zombie). */
function hasExited(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}
