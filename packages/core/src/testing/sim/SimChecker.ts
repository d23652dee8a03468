import type { HaResourceGroup } from '../../config/HaResourceGroup.js';
import type { ClusterNode } from '../../node/ClusterNode.js';
import type { MemoryServices } from '../MemoryServices.js';
import { simBounds as B } from './simBounds.js';
import type { SimMachine } from './SimMachine.js';
import type { SimNetworkFaults } from './SimNetworkFaults.js';
import type { SimInvariant, SimViolation } from './SimViolation.js';

/**
 * The invariants checked while a run goes on (docs/simulator.md):
 * - membership, any number of nodes: generations only grow; a node sees a peer that is down or cut
 *   off as dead within its deadtime; two running nodes that hear each other cleanly agree on
 *   each other's status;
 * - resource groups (two nodes): never two holders of a group on a clean pair once deadtime has
 *   passed; a node starts a resource only after it started those left of it, and stops one only
 *   when none right of it runs.
 */
export class SimChecker {
  violation: SimViolation | undefined;
  /**
   * A split brain heartbeat's protocol leaves alone, seen in this run: each of two nodes declared
   * the other dead without knowing the incarnation that now runs there (it booted while they were
   * cut off, or never was heard before initdead), so on the heal each sees the other's generation
   * as a restart, not as a healed partition, and neither gives its groups up (heartbeat-spec §2.4).
   * Not a violation; the run ends there.
   */
  limitation: string | undefined;
  /** Per observing incarnation: the generation it knew of each peer when it last declared it dead (-1: it had heard the peer, never a status of it). */
  private readonly deaths = new WeakMap<ClusterNode, Map<string, number>>();
  private eventsSeen = 0;
  /** From the service events: what runs where, and what each node's incarnation started (node -> resources). */
  private readonly running = new Map<string, Set<string>>();
  private readonly started = new Map<string, Set<string>>();
  /** Per observing incarnation, the highest generation it has recorded of each peer. */
  private readonly generations = new WeakMap<ClusterNode, Map<string, number>>();
  private readonly positions = new Map<string, { readonly group: HaResourceGroup; readonly index: number }>();

  constructor(
    private readonly machines: readonly SimMachine[],
    private readonly services: MemoryServices,
    private readonly groups: readonly HaResourceGroup[],
    private readonly faults: SimNetworkFaults,
  ) {
    for (const group of groups) group.resources.forEach((r, index) => this.positions.set(r.spec, { group, index }));
  }

  /** Runs every continuous check; returns the first violation (kept in `violation`). */
  check(nowMs: number): SimViolation | undefined {
    if (this.violation !== undefined) return this.violation;
    this.faults.mark(nowMs);
    this.checkServiceEvents();
    if (this.violation === undefined) this.checkHolders(nowMs);
    if (this.violation === undefined) this.checkMembership(nowMs);
    return this.violation;
  }

  /**
   * `observer` declared `peer` dead, knowing this generation of it (0: none yet). Having heard a
   * packet of it without ever having had a status of it is no blind declaration: the peer was
   * there to be seen (a timeout that should not have run yet).
   */
  declaredDead(observer: ClusterNode, peer: string, knownGeneration: number, heardFrom: boolean): void {
    const deaths = this.deaths.get(observer) ?? new Map<string, number>();
    this.deaths.set(observer, deaths);
    deaths.set(peer, heardFrom && knownGeneration === 0 ? -1 : knownGeneration);
  }

  /** Whether each of nodes a and b last declared the other dead without knowing its current incarnation. */
  strangers(a: number, b: number): boolean {
    const [ma, mb] = [this.machines[a], this.machines[b]];
    if (ma === undefined || mb === undefined) return false;
    const blind = (observer: SimMachine, peer: SimMachine): boolean => {
      const known = observer.node === undefined ? undefined : this.deaths.get(observer.node)?.get(peer.name);
      return known !== undefined && known >= 0 && known !== peer.generation;
    };
    return blind(ma, mb) && blind(mb, ma);
  }

  fail(invariant: SimInvariant, atMs: number, message: string): void {
    this.violation ??= { invariant, atMs, message };
  }

  /** A node boots: what its previous incarnation started is gone (its machine lost power or it stopped). */
  booted(node: string): void {
    this.checkServiceEvents();
    this.started.delete(node);
  }

  /**
   * A start needs every resource left of it in its group started by this incarnation of the node
   * (and not stopped since: one that crashed under it still counts, as the node did its part); a
   * stop needs every resource right of it not running there.
   */
  private checkServiceEvents(): void {
    const events = this.services.events;
    for (; this.eventsSeen < events.length && this.violation === undefined; this.eventsSeen++) {
      const e = events[this.eventsSeen];
      if (e === undefined) continue;
      const started = this.setOf(this.started, e.node);
      const running = this.setOf(this.running, e.node);
      const where = this.positions.get(e.resource);
      if (e.operation === 'start' && where !== undefined) {
        const missing = where.group.resources.slice(0, where.index).filter((r) => !started.has(r.spec));
        if (missing.length > 0) {
          this.fail('start-order', e.atMs, `${e.node} started ${e.resource} before it started ${missing.map((r) => r.spec).join(', ')} (left of it in group ${where.group.key})`);
        }
      }
      if (e.operation === 'stop' && where !== undefined) {
        const still = where.group.resources.slice(where.index + 1).filter((r) => running.has(r.spec));
        if (still.length > 0) {
          this.fail('stop-order', e.atMs, `${e.node} stopped ${e.resource} while ${still.map((r) => r.spec).join(', ')} (right of it in group ${where.group.key}) still ran there`);
        }
      }
      if (e.operation === 'start') {
        started.add(e.resource);
        running.add(e.resource);
      } else if (e.operation === 'stop') {
        started.delete(e.resource);
        running.delete(e.resource);
      } else if (e.operation === 'crash') {
        running.delete(e.resource);
      }
    }
  }

  private setOf(map: Map<string, Set<string>>, node: string): Set<string> {
    const set = map.get(node) ?? new Set<string>();
    map.set(node, set);
    return set;
  }

  /** Never two holders of a group on a pair of nodes that has heard each other cleanly for deadtime. */
  private checkHolders(nowMs: number): void {
    for (const group of this.groups) {
      const holders = this.machines
        .map((m, i) => ({ m, i }))
        .filter(({ m }) => group.resources.some((r) => this.services.isRunning(m.name, r.spec)));
      for (let x = 0; x < holders.length; x++) {
        for (let y = x + 1; y < holders.length; y++) {
          const [a, b] = [holders[x], holders[y]];
          if (a === undefined || b === undefined) continue;
          const cleanMs = this.faults.cleanForMs(a.i, b.i, nowMs);
          if (cleanMs > B.twoHoldersMs && this.strangers(a.i, b.i)) {
            this.limitation ??= `${a.m.name} and ${b.m.name} both run group ${group.key}: each declared the other dead without knowing the incarnation that runs there, so neither sees a healed partition (heartbeat 3.0.6 acts the same)`;
          } else if (cleanMs > B.twoHoldersMs) {
            this.fail(
              'two-holders',
              nowMs,
              `group ${group.key} runs on ${a.m.name} (${this.services.on(a.m.name).join(' ')}) and on ${b.m.name} (${this.services.on(b.m.name).join(' ')}), which have heard each other cleanly for ${cleanMs} ms (bound ${B.twoHoldersMs} ms)`,
            );
          }
        }
      }
    }
  }

  private checkMembership(nowMs: number): void {
    this.machines.forEach((observer, a) => {
      const member = observer.node?.membership;
      if (member === undefined || this.violation !== undefined) return;
      const seen = this.generations.get(observer.node as ClusterNode) ?? new Map<string, number>();
      this.generations.set(observer.node as ClusterNode, seen);
      const runningForMs = observer.phase === 'running' ? nowMs - observer.phaseSinceMs : -1;
      this.machines.forEach((peer, b) => {
        if (a === b || this.violation !== undefined) return;
        const record = member.table.byName(peer.name);
        if (record === undefined) return;
        const generation = record.track.generation;
        const before = seen.get(peer.name) ?? 0;
        if (generation < before) {
          this.fail('generation', nowMs, `${observer.name} went back from generation ${before} to ${generation} of ${peer.name}`);
          return;
        }
        if (generation > peer.generation) {
          this.fail('generation', nowMs, `${observer.name} records generation ${generation} of ${peer.name}, which has only reached ${peer.generation}`);
          return;
        }
        seen.set(peer.name, generation);
        if (runningForMs < 0) return;
        this.checkDeath(observer, peer, a, b, record.status, runningForMs, nowMs);
        this.checkView(observer, peer, a, b, record.status, runningForMs, nowMs);
      });
    });
  }

  /**
   * A peer down or cut off is seen dead within its deadtime; by a node before its comm-up (still
   * waiting to hear every node), within initdead, the timeout heartbeat uses until then.
   */
  private checkDeath(observer: SimMachine, peer: SimMachine, a: number, b: number, seen: string, runningForMs: number, nowMs: number): void {
    if (seen === 'dead' || runningForMs <= B.initdeadMs) return;
    const cutSince = this.faults.cutSince(a, b);
    const goneSince = peer.phase === 'down' ? peer.phaseSinceMs : undefined;
    const since = Math.min(cutSince ?? Infinity, goneSince ?? Infinity);
    const bound = observer.node?.membership?.localStatus === 'active' ? B.deadMs : B.initdeadMs;
    if (since === Infinity || nowMs - since <= bound) return;
    const why = goneSince !== undefined && goneSince === since ? 'has been down' : 'has been cut off from it';
    this.fail('membership-dead', nowMs, `${observer.name} still sees ${peer.name} as ${seen}, which ${why} for ${nowMs - since} ms (bound ${bound} ms)`);
  }

  /** Two running nodes that hear each other cleanly agree on each other's status. */
  private checkView(observer: SimMachine, peer: SimMachine, a: number, b: number, seen: string, runningForMs: number, nowMs: number): void {
    if (peer.phase !== 'running' || nowMs - peer.phaseSinceMs <= B.viewMs || runningForMs <= B.viewMs) return;
    if (nowMs - peer.localStatusSinceMs <= B.viewMs || this.faults.cleanForMs(a, b, nowMs) <= B.viewMs) return;
    const actual = peer.node?.membership?.localStatus;
    if (actual === undefined || actual === seen) return;
    this.fail('membership-view', nowMs, `${observer.name} sees ${peer.name} as ${seen}, but ${peer.name} has been ${actual} for ${nowMs - peer.localStatusSinceMs} ms and they have heard each other cleanly for ${this.faults.cleanForMs(a, b, nowMs)} ms (bound ${B.viewMs} ms)`);
  }
}
