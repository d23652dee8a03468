import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SocatCable } from '@heartline/transport-serial/testing';
import { LabNode } from './LabNode.js';
import { deleteNetns } from './deleteNetns.js';
import { removeStaleLabs } from './removeStaleLabs.js';
import { runCommand } from './runCommand.js';

export interface LabOptions {
  /** Number of nodes, named node1..nodeN. */
  readonly nodes: number;
  /** Keep IPv6 on (link-local addresses only, no DAD) for mcast6/ucast6 tests. Default off. */
  readonly ipv6?: boolean;
  /**
   * Also join node1 and node2 by a null-modem cable, plugged in: a socat pty pair on the host whose
   * links are in the lab dir (the containers see the host's /tmp; they rebind only /etc/ha.d,
   * /etc/init.d, /var/lib/heartbeat, /var/log and /run). `record` keeps each direction's bytes (SocatCable).
   */
  readonly serialCable?: boolean | { readonly record: boolean };
}

/** Every namespace of a lab starts with this; the rest is the creating process's PID in base 36. */
export const LAB_PREFIX = 'hlu';
const IFACE = 'hleth0';
const SUBNET = '10.213.0';

/**
 * A cluster on one kernel, as `lab/netns-cluster.sh` builds it: a bridge in its own namespace and N
 * node namespaces joined to it by veth pairs created directly inside their namespaces (nothing is
 * added to the root namespace). Node i gets 10.213.0.(10+i)/24 on `hleth0` and a container (see
 * LabNode). Names carry this process's PID so concurrent runs never collide and leftovers of dead
 * runs can be recognised and removed.
 */
export class NetnsLab {
  private destroyed = false;

  private constructor(
    readonly id: string,
    readonly dir: string,
    readonly bridgeNs: string,
    readonly nodes: readonly LabNode[],
    private readonly socat: SocatCable | undefined,
  ) {}

  static async create(options: LabOptions): Promise<NetnsLab> {
    await removeStaleLabs(LAB_PREFIX);
    const id = `${LAB_PREFIX}${process.pid.toString(36)}${labCounter().toString(36)}`;
    const dir = join(tmpdir(), `${id}-lab`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const nodes = Array.from({ length: options.nodes }, (_, k) => {
      const i = k + 1;
      return new LabNode(i, `node${i}`, `${id}n${i}`, `${SUBNET}.${10 + i}`, IFACE, join(dir, `node${i}`));
    });
    const cable = options.serialCable === undefined || options.serialCable === false
      ? undefined
      : new SocatCable('serial-', options.serialCable !== true && options.serialCable.record, dir);
    const lab = new NetnsLab(id, dir, `${id}b`, nodes, cable);
    try {
      await lab.createBridge();
      for (const node of nodes) {
        prepareNodeDirs(node, dir);
        await lab.attach(node, options.ipv6 ?? false);
        await node.boot();
      }
      await cable?.plug();
    } catch (error) {
      await lab.destroy();
      throw error;
    }
    return lab;
  }

  node(i: number): LabNode {
    const node = this.nodes[i - 1];
    if (node === undefined) throw new RangeError(`no node${i} in this lab`);
    return node;
  }

  /** The serial cable: end `a` at node1, `b` at node2 (or free, in a one-node lab); only with `serialCable`. */
  get cable(): SocatCable {
    if (this.socat === undefined) throw new Error('this lab has no serial cable (LabOptions.serialCable)');
    return this.socat;
  }

  /** The device path of the serial cable's end at `node` (node1 or node2). */
  cableEnd(node: LabNode): string {
    if (node.index > 2) throw new RangeError(`the serial cable ends at node1 and node2, not at ${node.name}`);
    return node.index === 1 ? this.cable.a : this.cable.b;
  }

  /**
   * Kills every process of the lab (by PID: inside its namespaces, and the cable's socat) and deletes
   * the namespaces. The lab dir (configs, logs, the cable's links and socat log) is removed unless
   * `keepFiles` (for post-mortems).
   */
  async destroy(options: { keepFiles?: boolean } = {}): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const node of this.nodes) {
      if (node.initPid !== undefined) killQuietly(node.initPid);
      for (const pid of await node.pids()) killQuietly(pid);
    }
    for (const ns of [...this.nodes.map((n) => n.ns), this.bridgeNs]) await deleteNetns(ns);
    await this.socat?.unplug();
    if (options.keepFiles !== true) rmSync(this.dir, { recursive: true, force: true });
  }

  private async createBridge(): Promise<void> {
    const ns = this.bridgeNs;
    await runCommand('ip', ['netns', 'add', ns]);
    await runCommand('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    await runCommand('ip', ['-n', ns, 'link', 'add', 'br0', 'type', 'bridge', 'stp_state', '0', 'forward_delay', '0', 'mcast_snooping', '0']);
    await runCommand('ip', ['-n', ns, 'link', 'set', 'br0', 'up']);
    await runCommand('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
  }

  private async attach(node: LabNode, ipv6: boolean): Promise<void> {
    const port = `p${node.index}`;
    await runCommand('ip', ['netns', 'add', node.ns]);
    const sysctl = ipv6
      ? ['net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0', 'net.ipv6.conf.default.accept_ra=0']
      : ['net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1'];
    await runCommand('ip', ['netns', 'exec', node.ns, 'sysctl', '-qw', ...sysctl]);
    // Both ends are created inside their namespaces: nothing appears in the root namespace.
    await runCommand('ip', ['link', 'add', 'name', port, 'netns', this.bridgeNs, 'type', 'veth', 'peer', 'name', node.iface, 'netns', node.ns]);
    await runCommand('ip', ['-n', this.bridgeNs, 'link', 'set', port, 'master', 'br0']);
    await runCommand('ip', ['-n', this.bridgeNs, 'link', 'set', port, 'up']);
    await runCommand('ip', ['-n', node.ns, 'link', 'set', 'lo', 'up']);
    const mac = `02:00:0a:d5:00:${(10 + node.index).toString(16).padStart(2, '0')}`;
    await runCommand('ip', ['-n', node.ns, 'link', 'set', node.iface, 'address', mac]);
    await runCommand('ip', ['-n', node.ns, 'addr', 'add', `${node.address}/24`, 'brd', '+', 'dev', node.iface]);
    await runCommand('ip', ['-n', node.ns, 'link', 'set', node.iface, 'up']);
  }
}

let labs = 0;
function labCounter(): number {
  return labs++;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * The node's "disk": copies of the host's /etc/ha.d, /etc/init.d and /var/lib/heartbeat, empty
 * /var/log and /run.
 */
function prepareNodeDirs(node: LabNode, labDir: string): void {
  mkdirSync(node.dir, { recursive: true });
  mkdirSync(node.configDir, { recursive: true });
  if (existsSync('/etc/ha.d')) cpSync('/etc/ha.d', node.configDir, { recursive: true, preserveTimestamps: true });
  for (const f of ['ha.cf', 'authkeys', 'haresources']) rmSync(join(node.configDir, f), { force: true });
  mkdirSync(node.initDir, { recursive: true });
  if (existsSync('/etc/init.d')) cpSync('/etc/init.d', node.initDir, { recursive: true, preserveTimestamps: true });
  mkdirSync(node.stateDir, { recursive: true });
  if (existsSync('/var/lib/heartbeat')) cpSync('/var/lib/heartbeat', node.stateDir, { recursive: true, preserveTimestamps: true });
  for (const f of ['hb_uuid', 'hb_generation', 'hostcache', 'delhostcache', 'fifo']) rmSync(join(node.stateDir, f), { force: true });
  mkdirSync(node.logDir, { recursive: true, mode: 0o755 });
  mkdirSync(node.runDir, { recursive: true });
  const stub = join(labDir, 'reboot-stub');
  if (!existsSync(stub)) {
    writeFileSync(stub, '#!/bin/sh\necho "$(date) reboot stub: $0 $*" >> /var/log/reboot-stub.log\nexit 0\n');
    chmodSync(stub, 0o755);
  }
}
