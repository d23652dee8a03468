import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, type CommandResult, type RunOptions } from './runCommand.js';
import { waitUntil } from './waitUntil.js';

/** UDP port the loss rules apply to unless told otherwise (heartbeat's). */
const HEARTBEAT_PORT = 694;

/**
 * One simulated host: its own network namespace (interface `iface`, address 10.213.0.(10+i)/24)
 * and a "container" — a PID-1 process in fresh mount, UTS, IPC and PID namespaces — in which
 * /etc/ha.d, /etc/init.d, /var/lib/heartbeat, /var/log and /run are this node's own directories
 * under `dir` and `uname -n` is `name`. Commands run "on the node" enter all of those namespaces.
 * `crash()` is a power cut (every process of the node dies, its files stay), `boot()` powers it on.
 */
export class LabNode {
  /** Host PID of the container's PID 1 while it runs; killing it kills everything on the node. */
  initPid: number | undefined;
  private boots = 0;

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

  /** Host path of what the node sees as /etc/init.d (a copy of the host's, made with the lab). */
  get initDir(): string {
    return join(this.dir, 'etc-init.d');
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
    // nft refuses `numgen random mod 100 < 100` (the value must be below the modulus): 100 % is a plain drop.
    const rule = percent === 100 ? `udp dport ${port} counter drop` : `udp dport ${port} numgen random mod 100 < ${percent} counter drop`;
    const chains: string[] = [];
    if (direction !== 'out') chains.push(`chain in { type filter hook input priority 0; ${rule}; }`);
    if (direction !== 'in') chains.push(`chain out { type filter hook output priority 0; ${rule}; }`);
    await this.netExec('nft', ['-f', '-'], { input: `table inet hluloss {\n${chains.join('\n')}\n}\n` });
  }

  async clearLoss(): Promise<void> {
    await this.netExec('nft', ['delete', 'table', 'inet', 'hluloss'], { allowFailure: true });
  }

  /**
   * Drops at this node the heartbeat UDP messages of type `type` that `fromAddress` sends, until
   * called with `undefined`. The rule matches the netstring's first field (`N:(0)t=TYPE,`, right
   * after `###\n`), where heartbeat 3.0.6 and Heartline both put the type: it replays an order of
   * arrival seen on a real line. Returns how many packets the rule dropped while it was in place.
   */
  async dropMessages(type: string | undefined, fromAddress = ''): Promise<number> {
    const { stdout } = await this.netExec('nft', ['list', 'table', 'inet', 'hludrop'], { allowFailure: true });
    const dropped = Number(/counter packets (\d+)/.exec(stdout)?.[1] ?? 0);
    await this.netExec('nft', ['delete', 'table', 'inet', 'hludrop'], { allowFailure: true });
    if (type === undefined) return dropped;
    const field = `(0)t=${type}`;
    const prefix = Buffer.from(`${field.length}:${field},`, 'latin1');
    // UDP header 8 bytes, then `###\n`: the field starts at bit 96 of the transport header.
    const rule = `ip saddr ${fromAddress} udp dport ${HEARTBEAT_PORT} @th,96,${prefix.length * 8} 0x${prefix.toString('hex')} counter drop`;
    await this.netExec('nft', ['-f', '-'], { input: `table inet hludrop {\nchain in { type filter hook input priority 0; ${rule}; }\n}\n` });
    return dropped;
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

  /**
   * Powers the node on: starts its container (PID 1) and waits until it is up. After a `crash()`
   * this is a boot of the same machine: same namespaces and files, but /run is emptied (a tmpfs on
   * a real host) and the interface comes back with only the node's own address and no loss rules.
   */
  async boot(): Promise<void> {
    if (this.running) throw new Error(`${this.name}: the node is already running`);
    if (this.boots > 0) {
      rmSync(this.runDir, { recursive: true, force: true });
      mkdirSync(this.runDir, { recursive: true });
      await this.clearLoss();
      await runCommand('ip', ['-n', this.ns, 'link', 'set', this.iface, 'down']);
      await runCommand('ip', ['-n', this.ns, 'addr', 'flush', 'dev', this.iface]);
      await runCommand('ip', ['-n', this.ns, 'addr', 'add', `${this.address}/24`, 'brd', '+', 'dev', this.iface]);
      await runCommand('ip', ['-n', this.ns, 'link', 'set', this.iface, 'up']);
    }
    this.boots += 1;
    this.initPid = await startContainer(this);
  }

  /**
   * Power cut: SIGKILL to the container's PID 1, so the kernel kills every process of the node at
   * once (daemons, resources, anything run with exec/spawn), then the interface goes down. Files
   * stay. Resolves once all of the node's processes are gone, with performance.now() just before
   * the kill. `boot()` starts it again.
   */
  async crash(): Promise<number> {
    const pid = this.requireInit();
    const at = performance.now();
    process.kill(pid, 'SIGKILL');
    // PID 1 of a PID namespace becomes a zombie only after every other process in it has exited,
    // and its parent (unshare) reaps it at once.
    await waitUntil(`${this.name}: its container's processes to die`, () => (isGoneOrZombie(pid) ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 10,
    });
    this.initPid = undefined;
    await this.setLink(false);
    return at;
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

function isGoneOrZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

/**
 * Starts the node's PID 1, in new mount/UTS/IPC/PID namespaces inside the node's network namespace:
 * it sets the hostname, binds the node's directories over the system ones, replaces the reboot
 * binaries by a stub (heartbeat reboots when a resource fails to stop), then reaps orphans
 * (heartbeat daemonises, LSB services detach) until killed. Killing it makes the kernel kill every
 * process of the node. Resolves with its host PID once it is up.
 */
async function startContainer(node: LabNode): Promise<number> {
  const script = [
    'set -e',
    'hostname "$1"',
    'mount --bind "$2/etc-ha.d" /etc/ha.d',
    'mount --bind "$2/etc-init.d" /etc/init.d',
    'mount --bind "$2/var-lib-heartbeat" /var/lib/heartbeat',
    'mount --bind "$2/var-log" /var/log',
    'mount --bind "$2/run" /run',
    'mkdir -p /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/lock /run/crm /run/resource-agents',
    'if getent passwd hacluster >/dev/null; then chown -R hacluster:haclient /run/heartbeat /run/crm; fi',
    'chmod 750 /run/heartbeat /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/crm; chmod 1777 /run/lock',
    'for f in $(readlink -f /sbin/reboot /sbin/halt /sbin/poweroff /sbin/shutdown | sort -u); do',
    '  [ -e "$f" ] && mount --bind "$3" "$f"',
    'done',
    ': > /run/hlu-ready',
    `exec perl -e '$SIG{TERM} = sub { kill "KILL", -1; exit 0 }; while (1) { my $p = waitpid(-1, 0); sleep 1 if $p <= 0; }'`,
  ].join('\n');
  rmSync(join(node.runDir, 'hlu-ready'), { force: true });
  const log = openSync(join(node.dir, 'container.log'), 'a');
  const unshare = spawn(
    'ip',
    ['netns', 'exec', node.ns, 'unshare', '--mount', '--uts', '--ipc', '--pid', '--fork', '--mount-proc', '--propagation', 'private', '--',
      'sh', '-c', script, 'sh', node.name, node.dir, join(node.dir, '..', 'reboot-stub')],
    { detached: true, stdio: ['ignore', log, log] },
  );
  unshare.unref();
  closeSync(log);
  const unsharePid = unshare.pid;
  if (unsharePid === undefined) throw new Error(`${node.name}: could not start the container`);
  return waitUntil(`${node.name}'s container to come up (see ${node.dir}/container.log)`, () => {
    if (!existsSync(join(node.runDir, 'hlu-ready'))) return undefined;
    const children = readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').trim().split(/\s+/);
    return children[0] === undefined || children[0] === '' ? undefined : Number(children[0]);
  }, { timeoutMs: 10_000, intervalMs: 10 });
}
