import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabNode } from './LabNode.js';
import { LogTail } from './LogTail.js';
import type { CommandResult } from './runCommand.js';
import { heartbeatBinary } from './heartbeatBinary.js';
import { waitUntil } from './waitUntil.js';

/**
 * The real heartbeat 3.0.6 daemon on a lab node, started the way `lab/real-hb.sh` does: the
 * Debian binary run inside the node's container (its own /etc/ha.d, /var/lib/heartbeat, /var/log,
 * /run; `uname -n` = node name); it daemonises. Every process is addressed by host PID, found by
 * name (`heartbeat`) among the node's processes only.
 */
export class RealHeartbeat {
  readonly log: LogTail;

  constructor(readonly node: LabNode) {
    this.log = new LogTail(join(node.logDir, 'ha-log'));
  }

  /**
   * Starts the daemon and waits for its pid file. After a crash of the node, boot it first (its
   * /run, with the stale pid file, is emptied then).
   */
  async start(): Promise<void> {
    const binary = heartbeatBinary();
    if (binary === undefined) throw new Error('heartbeat 3.0.6 is not installed');
    if ((await this.pids()).length > 0) throw new Error(`${this.node.name}: heartbeat is already running`);
    const result = await this.node.exec(binary, [], { allowFailure: true, timeoutMs: 30_000 });
    if (result.code !== 0) {
      throw new Error(`${this.node.name}: heartbeat exited ${result.code}: ${result.stderr.trim()}\n${this.tail()}`);
    }
    await waitUntil(`${this.node.name}: heartbeat's pid file`, () => (existsSync(this.pidFile) && this.nsPid() !== undefined ? true : undefined), {
      timeoutMs: 10_000,
    });
  }

  /** Host PIDs of the master control process and its children. */
  pids(): Promise<number[]> {
    return this.node.pidsNamed('heartbeat');
  }

  /** SIGKILL to every heartbeat process; returns performance.now() just before the first kill. */
  async kill(): Promise<number> {
    const pids = await this.pids();
    if (pids.length === 0) throw new Error(`${this.node.name}: heartbeat is not running`);
    const at = performance.now();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    await this.node.waitGone('heartbeat', 10_000);
    return at;
  }

  /** Whether any heartbeat process runs on the node (none after the node's crash). */
  async isRunning(): Promise<boolean> {
    return (await this.pids()).length > 0;
  }

  /**
   * Graceful stop: SIGTERM to the master control process, then wait until all are gone. Nothing to
   * do when no heartbeat runs (never started, killed, or gone with its node's crash).
   */
  async stop(timeoutMs = 60_000): Promise<void> {
    const nsPid = this.nsPid();
    if (nsPid === undefined || !this.node.running || !(await this.isRunning())) return;
    await this.node.exec('kill', ['-TERM', String(nsPid)], { allowFailure: true });
    await this.node.waitGone('heartbeat', timeoutMs);
  }

  /** `cl_status ARGS…` on the node (talks to this daemon's API socket). */
  clStatus(...args: string[]): Promise<CommandResult> {
    return this.node.exec('cl_status', args, { allowFailure: true, timeoutMs: 10_000 });
  }

  /** `cl_status nodestatus NODE`, trimmed ('' when it fails without output). */
  async nodeStatus(node: string): Promise<string> {
    return (await this.clStatus('nodestatus', node)).stdout.trim();
  }

  /** The last lines of ha-log, for error messages. */
  tail(lines = 20): string {
    const path = join(this.node.logDir, 'ha-log');
    if (!existsSync(path)) return '(no ha-log)';
    return readFileSync(path, 'utf8').split('\n').slice(-lines - 1).join('\n');
  }

  close(): void {
    this.log.close();
  }

  private get pidFile(): string {
    return join(this.node.runDir, 'heartbeat.pid');
  }

  /** The master's PID inside the node's PID namespace, from its pid file. */
  private nsPid(): number | undefined {
    try {
      const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }
}
