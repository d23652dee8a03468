import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { haresourcesOf, type LsbGroups } from '../lib/groupPlacement.js';
import type { LabNode } from '../lib/LabNode.js';
import { LSB_EVENTS_LOG, setLsbStartFailure } from '../lib/LsbFixtures.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { NeverTwiceWatch } from '../lib/NeverTwiceWatch.js';
import { standbyWhenStable, waitStable } from '../lib/standbyWhenStable.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';
import { ctsServicePlacement, waitForCtsPlacement, type Placement } from './ctsPlacement.js';
import { CtsCable, type CableCut } from './CtsCable.js';
import { CtsViolation } from './CtsViolation.js';
import { installCtsService, setCtsHang } from './installCtsService.js';

/** heartline: Heartline on both nodes; mixed: the real heartbeat 3.0.6 on node1, Heartline on node2. */
export type CtsMode = 'heartline' | 'mixed';

export type { Placement } from './ctsPlacement.js';

/** Two groups, the first with two services; the first service of each is the one faults aim at. */
export const CTS_GROUPS: LsbGroups = { node1: ['ctsa1', 'ctsa2'], node2: ['ctsb1'] };
export const HOME: Placement = { node1: 'node1', node2: 'node2' };
export const allOn = (host: string | null): Placement => ({ node1: host, node2: host });

/** A move after a death or a standby: deadtime (1 s) plus scripts, with room for a loaded machine. */
export const MOVE_TIMEOUT_MS = 20_000;
/** Both daemons started together: heartbeat's RQSTDELAY (10 s) plus scripts. */
export const STARTUP_TIMEOUT_MS = 30_000;
/** A heal or a false death: 2 s, release, deadtime + 1 s, start-up with RQSTDELAY, scripts. */
export const HEAL_TIMEOUT_MS = 45_000;
/** Monitor settings of the first service of each group (Heartline only; heartbeat never reads heartline.cf). */
export const MONITOR_TIMEOUT_MS = 1000;
/** Start timeout of the first service of each group (heartline.cf `timeouts`; Heartline only). */
export const START_TIMEOUT_MS = 3000;
/**
 * The serial cable's speed: 115200 leaves room for keepalive 200 ms and resource messages (heartbeat
 * sends every message on every medium); at 19200 a busy moment would fill the line.
 */
export const SERIAL_BAUD = 115_200;

/**
 * Two lab nodes running the cluster daemons of `mode` over bcast and a serial cable (keepalive
 * 200 ms, deadtime 1 s, auto_failback on) with CTS_GROUPS of LSB fixture services, and the run's
 * invariants: "never twice" read continuously from the services' own event logs (excused only while
 * a partition, a false death or an orphan is expected), daemons that run when the run says they
 * should, and the placement each fault expects once it is recovered.
 */
export class CtsCluster {
  readonly daemons: readonly ClusterDaemon[];
  /** Which daemons the run has started and not stopped, killed or powered off. */
  readonly up: boolean[] = [];
  watch: NeverTwiceWatch;
  readonly cable: CtsCable;

  private constructor(readonly lab: NetnsLab, readonly mode: CtsMode) {
    this.daemons = lab.nodes.map((n) => (mode === 'mixed' && n.index === 1 ? heartbeatDaemon(n) : heartlineDaemon(n)));
    this.cable = new CtsCable(lab.cable);
    this.up = this.daemons.map(() => false);
    this.watch = new NeverTwiceWatch(lab.nodes).start();
  }

  static async create(mode: CtsMode): Promise<CtsCluster> {
    const lab = await NetnsLab.create({ nodes: 2, serialCable: true });
    const cluster = new CtsCluster(lab, mode);
    cluster.configure();
    return cluster;
  }

  get nodes(): readonly LabNode[] {
    return this.lab.nodes;
  }

  node(i: number): LabNode {
    return this.lab.node(i);
  }

  daemon(i: number): ClusterDaemon {
    return this.daemons[i - 1]!;
  }

  /** The other node's index (two nodes). */
  peer(i: number): number {
    return i === 1 ? 2 : 1;
  }

  isHeartline(i: number): boolean {
    return this.daemon(i).kind === 'heartline';
  }

  /**
   * The ways the serial cable may be cut on this cluster. heartbeat 3.0.6 cannot live with an
   * unplugged pty: its reader spins on `EOF in ttygets` (hundreds of MB of log a minute, the master
   * process's timers seconds late) and it never reopens the device, so with a heartbeat node the
   * cable is only silenced.
   */
  cableCuts(): readonly CableCut[] {
    return this.daemons.every((d) => d.kind === 'heartline') ? ['unplugged', 'silenced'] : ['silenced'];
  }

  /** The serial link's name in node i's log and status: its own end of the cable (`Link PEER:DEVICE up.`). */
  serialLink(i: number): string {
    return this.lab.cableEnd(this.node(i));
  }

  /** Starts both daemons at once and waits until each group runs at home. */
  async startAll(): Promise<number> {
    for (const node of this.nodes) if (!node.running) await node.boot();
    await Promise.all(this.daemons.map((d, k) => (this.up[k] ? Promise.resolve() : d.start().then(() => void (this.up[k] = true)))));
    return this.placed(HOME, 'each group at home after a start of both', STARTUP_TIMEOUT_MS);
  }

  /** Starts node i's daemon (booting the node first if it is off). */
  async startDaemon(i: number): Promise<void> {
    if (!this.node(i).running) await this.node(i).boot();
    await this.daemon(i).start();
    this.up[i - 1] = true;
  }

  async stopDaemon(i: number): Promise<void> {
    this.up[i - 1] = false;
    await this.daemon(i).stop();
  }

  /** SIGKILL to node i's daemon only; performance.now() before it. */
  async killDaemon(i: number): Promise<number> {
    this.up[i - 1] = false;
    return this.daemon(i).kill();
  }

  /** Power cut of node i, told to the watch; performance.now() before it. */
  async crash(i: number): Promise<number> {
    this.up[i - 1] = false;
    const at = await this.node(i).crash();
    this.watch.crashed(this.node(i).name, performance.timeOrigin + at);
    return at;
  }

  /** Two holders are expected from now until `end()` (a partition, lost heartbeats, an orphan). */
  excuse(): { end(): void } {
    const window = this.watch.excuse(performance.timeOrigin + performance.now());
    return { end: () => window.end(performance.timeOrigin + performance.now()) };
  }

  /**
   * Waits until every group runs on exactly the host `placement` gives it, checking the invariants
   * all along; resolves with performance.now() when it holds.
   */
  async placed(placement: Placement, what: string, timeoutMs = MOVE_TIMEOUT_MS): Promise<number> {
    await waitForCtsPlacement(this.nodes, CTS_GROUPS, placement, what, timeoutMs, () => this.checkInvariants());
    this.checkInvariants();
    return performance.now();
  }

  /**
   * Node i runs `ha standby|takeover SET` (heartbeat: hb_standby / hb_takeover) once both sides are
   * stable, then waits for `placement`; resolves with performance.now() just before the request.
   */
  async move(i: number, op: 'standby' | 'takeover', set: string, placement: Placement): Promise<{ askedAt: number; placedAt: number }> {
    const askedAt = performance.now();
    await standbyWhenStable({ by: this.daemon(i), op, set, daemons: this.daemons }, this.nodes, CTS_GROUPS, placement as Record<string, string>, this.watch)
      .catch((error: unknown) => {
        this.checkInvariants();
        throw error;
      });
    return { askedAt, placedAt: await this.placed(placement, `${this.node(i).name}'s ${op} ${set}`) };
  }

  /** Throws a CtsViolation if a service ran twice beyond the handover bound outside an excuse. */
  checkInvariants(): void {
    try {
      this.watch.check();
    } catch (error) {
      throw new CtsViolation((error as Error).message);
    }
  }

  /**
   * Waits until every daemon the run started is stable (`rscstatus` other than `transition`), so
   * that a transition left hanging (a standby waiting for an answer that never comes) fails the
   * fault that caused it rather than the next one.
   */
  async settled(): Promise<void> {
    const running = this.daemons.filter((_, k) => this.up[k] === true);
    try {
      await waitStable(running, MOVE_TIMEOUT_MS);
    } catch (error) {
      const states = await Promise.all(running.map(async (d) => `${d.node.name} ${await d.rscstatus().catch(() => '?')}`));
      throw new Error(`${(error as Error).message}; rscstatus: ${states.join(', ')}`);
    }
  }

  /** Throws a CtsViolation naming each daemon the run started that no longer runs. */
  async checkDaemonsAlive(): Promise<void> {
    for (const [k, d] of this.daemons.entries()) {
      if (this.up[k] === true && !(await d.isRunning())) {
        throw new CtsViolation(`${d.node.name} (${d.kind}) exited by itself; log tail:\n${d.log.lines.slice(-15).map((l) => `    ${l.text}`).join('\n')}`);
      }
    }
  }

  /** Where the services run now (for messages). */
  async where(): Promise<string> {
    return JSON.stringify(await ctsServicePlacement(this.nodes, CTS_GROUPS));
  }

  /**
   * After a fault that did not recover or broke an invariant: every fault undone, both daemons
   * stopped, every service stopped by hand, a fresh watch that ignores what came before, both
   * started again at home.
   */
  async reset(): Promise<void> {
    for (const [k, d] of this.daemons.entries()) {
      this.up[k] = false;
      if (d.node.running) await d.stop().catch(() => d.kill().catch(() => 0));
    }
    await this.cable.restore();
    for (const node of this.nodes) {
      if (!node.running) await node.boot();
      await node.clearLoss();
      await node.setLink(true);
      await node.exec('sh', ['-c', 'umount /var/lib/heartbeat-cts-full 2>/dev/null; true'], { allowFailure: true });
      this.clearFlags(node);
      for (const service of Object.values(CTS_GROUPS).flat()) await node.exec(`/etc/init.d/${service}`, ['stop'], { allowFailure: true, timeoutMs: 20_000 });
    }
    this.watch.stop();
    this.watch = new NeverTwiceWatch(this.nodes).start();
    this.watch.excuse(0).end(performance.timeOrigin + performance.now());
    await this.startAll();
  }

  async destroy(keepFiles: boolean): Promise<void> {
    this.watch.stop();
    for (const [k, d] of this.daemons.entries()) {
      if (this.up[k] === true && d.node.running) await d.stop().catch(() => undefined);
      d.close();
    }
    await this.lab.destroy({ keepFiles });
  }

  clearFlags(node: LabNode): void {
    for (const service of Object.values(CTS_GROUPS).flat()) {
      setLsbStartFailure(node, service, false);
      for (const op of ['start', 'stop', 'status'] as const) setCtsHang(node, service, op, false);
    }
  }

  private configure(): void {
    const names = this.nodes.map((n) => n.name);
    writeBcastGroupConfig(this.lab, { nodes: names, haresources: haresourcesOf(CTS_GROUPS), autoFailback: 'on', serialBaud: SERIAL_BAUD });
    // The first service of each group is monitored so that a hung status is noticed (restarts=0:
    // the group is handed to the peer at once).
    const monitored = Object.values(CTS_GROUPS).map((services) => services[0]!);
    // They also start within START_TIMEOUT_MS, so that a hung start is given up in a few seconds.
    const heartlineCf = monitored
      .map((s) => `monitor ${s} interval=1s timeout=${MONITOR_TIMEOUT_MS}ms restarts=0\ntimeouts ${s} start=${START_TIMEOUT_MS}ms\n`)
      .join('');
    for (const node of this.nodes) {
      writeFileSync(join(node.configDir, 'heartline.cf'), heartlineCf);
      for (const service of Object.values(CTS_GROUPS).flat()) installCtsService(node, service);
      this.clearFlags(node);
      writeFileSync(join(node.logDir, LSB_EVENTS_LOG), '');
    }
  }
}
