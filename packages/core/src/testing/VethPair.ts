import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One end of a VethPair: its interface, its address with prefix (`10.213.0.1/25`), and a MAC if it needs a fixed one. */
export interface VethEnd {
  readonly iface: string;
  readonly cidr: string;
  readonly mac?: string;
}

/**
 * Two network namespaces of a test's own, `PREFIX<pid36>a` and `…b`, joined by a veth pair created
 * directly inside them (nothing appears in the root namespace), IPv6 off so nothing but what the
 * test sends crosses the link. For agents' real tests: the agent runs in `a`, a peer or a client
 * in `b`. `destroy` kills what is left in them, by PID, and deletes them (also a previous run's).
 */
export class VethPair {
  readonly a: string;
  readonly b: string;

  constructor(
    prefix: string,
    private readonly ends: { readonly a: VethEnd; readonly b: VethEnd },
  ) {
    this.a = `${prefix}${process.pid.toString(36)}a`;
    this.b = `${prefix}${process.pid.toString(36)}b`;
  }

  async create(): Promise<void> {
    await this.destroy();
    for (const ns of [this.a, this.b]) {
      await run('ip', ['netns', 'add', ns]);
      await run('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
      await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    }
    const { a, b } = this.ends;
    const mac = (end: VethEnd) => (end.mac === undefined ? [] : ['address', end.mac]);
    await run('ip', ['link', 'add', 'name', a.iface, 'netns', this.a, ...mac(a), 'type', 'veth', 'peer', 'name', b.iface, 'netns', this.b, ...mac(b)]);
    for (const [ns, end] of [[this.a, a], [this.b, b]] as const) {
      await run('ip', ['-n', ns, 'addr', 'add', end.cidr, 'dev', end.iface]);
      await run('ip', ['-n', ns, 'link', 'set', end.iface, 'up']);
    }
  }

  /** `ip -n NS …`, its stdout. */
  async ip(ns: string, ...args: string[]): Promise<string> {
    return (await run('ip', ['-n', ns, ...args])).stdout;
  }

  /** PIDs of the processes in a namespace. */
  async pids(ns: string): Promise<number[]> {
    const { stdout } = await run('ip', ['netns', 'pids', ns]).catch(() => ({ stdout: '' }));
    return stdout.split(/\s+/).filter(Boolean).map(Number);
  }

  /** Kills what is left in the namespaces (only what the test started there), by PID, and deletes them. */
  async destroy(): Promise<void> {
    for (const ns of [this.a, this.b]) {
      for (const pid of await this.pids(ns)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      await run('ip', ['netns', 'del', ns]).catch(() => undefined);
    }
  }
}
