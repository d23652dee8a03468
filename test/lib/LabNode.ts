import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, type CommandResult, type RunOptions } from './runCommand.js';
import { waitUntil } from './waitUntil.js';

/** UDP port the loss rules apply to unless told otherwise (heartbeat's). */
const HEARTBEAT_PORT = 694;

/**
 * One simulated host: its own network namespace (interface `iface`, address 10.213.0.(10+i)/24)
 * and a "container" — a PID-1 process in fresh mount, UTS, IPC and PID namespaces — in which
 * /etc/ha.d, /var/lib/heartbeat, /var/log and /run are this node's own directories under `dir`
 * and `uname -n` is `name`. Commands run "on the node" enter all of those namespaces.
 */
export class LabNode {
  /** Host PID of the container's PID 1; killing it kills everything on the node. */
  initPid: number | undefined;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly ns: string,
    readonly address: string,
    readonly iface: string,
    readonly dir: string,
  ) {}

  get configDir(): string {
    return join(this.dir, 'etc-ha.d');
  }

  get logDir(): string {
    return join(this.dir, 'var-log');
  }

  /** Host path of what the node sees as /run. */
  get runDir(): string {
    return join(this.dir, 'run');
  }

  get stateDir(): string {
    return join(this.dir, 'var-lib-heartbeat');
  }

  /** Runs a command on the node (all its namespaces). */
  exec(file: string, args: readonly string[] = [], options: RunOptions = {}): Promise<CommandResult> {
    return runCommand('nsenter', ['-t', String(this.requireInit()), '-a', '--', file, ...args], options);
  }

  /** Runs a command in the node's network namespace only (the host's files and hostname). */
  netExec(file: string, args: readonly string[] = [], options: RunOptions = {}): Promise<CommandResult> {
    return runCommand('ip', ['netns', 'exec', this.ns, file, ...args], options);
  }

  /**
   * Starts a long-running command on the node in its own process group (so the group can be
   * killed at once), output appended to `logFile`.
   */
  spawn(file: string, args: readonly string[], logFile: string): ChildProcess {
    const out = openSync(logFile, 'a');
    return spawn('nsenter', ['-t', String(this.requireInit()), '-a', '--', file, ...args], {
      detached: true,
      stdio: ['ignore', out, out],
    });
  }

  /** Host PIDs of every process in the node's network namespace. */
  async pids(): Promise<number[]> {
    const { stdout } = await runCommand('ip', ['netns', 'pids', this.ns], { allowFailure: true });
    return stdout.split(/\s+/).filter(Boolean).map(Number);
  }

  /** Host PIDs of the node's processes whose name (/proc/PID/comm) is `comm`. */
  async pidsNamed(comm: string): Promise<number[]> {
    return (await this.pids()).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    });
  }

  /**
   * Drops `percent` % of the UDP datagrams to `port` at this node, with nftables in the node's
   * namespace (this kernel has no sch_netem). `in` and `out` are seen from the node.
   */
  async setLoss(percent: number, options: { direction?: 'in' | 'out' | 'both'; port?: number } = {}): Promise<void> {
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`loss ${percent} %`);
    const direction = options.direction ?? 'both';
    const port = options.port ?? HEARTBEAT_PORT;
    await this.clearLoss();
    const rule = `udp dport ${port} numgen random mod 100 < ${percent} counter drop`;
    const chains: string[] = [];
    if (direction !== 'out') chains.push(`chain in { type filter hook input priority 0; ${rule}; }`);
    if (direction !== 'in') chains.push(`chain out { type filter hook output priority 0; ${rule}; }`);
    await this.netExec('nft', ['-f', '-'], { input: `table inet hluloss {\n${chains.join('\n')}\n}\n` });
  }

  async clearLoss(): Promise<void> {
    await this.netExec('nft', ['delete', 'table', 'inet', 'hluloss'], { allowFailure: true });
  }

  /** Packets the loss rules dropped so far, per chain. */
  async lossCounters(): Promise<{ in: number; out: number }> {
    const { stdout } = await this.netExec('nft', ['list', 'table', 'inet', 'hluloss'], { allowFailure: true });
    const count = (chain: string): number => {
      const m = new RegExp(`chain ${chain} \\{[^}]*counter packets (\\d+)`).exec(stdout);
      return m === null ? 0 : Number(m[1]);
    };
    return { in: count('in'), out: count('out') };
  }

  async setLink(up: boolean): Promise<void> {
    await runCommand('ip', ['-n', this.ns, 'link', 'set', this.iface, up ? 'up' : 'down']);
  }

  /** Whether the container is running. */
  get running(): boolean {
    return this.initPid !== undefined && existsSync(`/proc/${this.initPid}`);
  }

  /** Waits until no process with name `comm` is left on the node. */
  async waitGone(comm: string, timeoutMs = 30_000): Promise<void> {
    await waitUntil(`${this.name}: every ${comm} process to exit`, async () => ((await this.pidsNamed(comm)).length === 0 ? true : undefined), {
      timeoutMs,
      intervalMs: 20,
    });
  }

  private requireInit(): number {
    if (this.initPid === undefined) throw new Error(`${this.name}: the node is not running`);
    return this.initPid;
  }
}
