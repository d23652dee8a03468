import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every namespace of these tests starts with this; the rest is the creating process's PID in base 36. */
export const NS_PREFIX = 'hlip';

/**
 * Two network namespaces joined by a veth pair created directly inside them (nothing appears in the
 * root namespace): the agent's side `a` (hlv0, 10.213.0.1/25, MAC 02:00:0a:d5:fe:01) and a peer
 * `b` (hlv1, 10.213.0.2/25, MAC 02:00:0a:d5:fe:02). `a` also has a second veth pair, hlw0/hlw1,
 * left down. IPv6 is off in both, so nothing but what a test sends crosses the link.
 */
export class IpLab {
  readonly a = `${NS_PREFIX}${process.pid.toString(36)}a`;
  readonly b = `${NS_PREFIX}${process.pid.toString(36)}b`;
  readonly macA = '02:00:0a:d5:fe:01';
  readonly macB = '02:00:0a:d5:fe:02';
  readonly rscTmp = mkdtempSync(join(tmpdir(), 'hlip-rsctmp-'));

  async create(): Promise<void> {
    await this.destroy();
    for (const ns of [this.a, this.b]) {
      await run('ip', ['netns', 'add', ns]);
      await run('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
      await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    }
    await run('ip', ['link', 'add', 'name', 'hlv0', 'netns', this.a, 'address', this.macA, 'type', 'veth', 'peer', 'name', 'hlv1', 'netns', this.b, 'address', this.macB]);
    await run('ip', ['-n', this.a, 'addr', 'add', '10.213.0.1/25', 'dev', 'hlv0']);
    await run('ip', ['-n', this.b, 'addr', 'add', '10.213.0.2/25', 'dev', 'hlv1']);
    await run('ip', ['-n', this.a, 'link', 'set', 'hlv0', 'up']);
    await run('ip', ['-n', this.b, 'link', 'set', 'hlv1', 'up']);
    await run('ip', ['-n', this.a, 'link', 'add', 'hlw0', 'type', 'veth', 'peer', 'name', 'hlw1']);
  }

  /** `ip -n NS …`, its stdout. */
  async ip(ns: string, ...args: string[]): Promise<string> {
    return (await run('ip', ['-n', ns, ...args])).stdout;
  }

  /** The IPv4 addresses of an interface of the agent's namespace, one `ip -o` line each. */
  async addressesOf(iface: string): Promise<string[]> {
    return (await this.ip(this.a, '-4', '-o', 'addr', 'show', 'dev', iface)).split('\n').filter((l) => l.trim() !== '');
  }

  /** PIDs of the processes in a namespace. */
  async pids(ns: string): Promise<number[]> {
    const { stdout } = await run('ip', ['netns', 'pids', ns]).catch(() => ({ stdout: '' }));
    return stdout.split(/\s+/).filter(Boolean).map(Number);
  }

  /**
   * Kills what is left in the namespaces (only processes these tests started: the drivers, tcpdump
   * and the ARP tools the agents ran) and deletes them.
   */
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

  removeFiles(): void {
    rmSync(this.rscTmp, { recursive: true, force: true });
  }
}
