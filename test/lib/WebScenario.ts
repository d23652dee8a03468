import assert from 'node:assert/strict';
import type { TailedLine } from './LogTail.js';
import type { UnavailabilityWindow } from './unavailabilityWindows.js';
import { waitStable } from './standbyWhenStable.js';
import { waitUntil } from './waitUntil.js';
import type { WebCluster } from './WebCluster.js';
import { webResourceLines, type WebResourceLines } from './webResourceLines.js';

export interface WebScenarioTimeouts {
  /** Both daemons started at once: heartbeat's 10 s RQSTDELAY before anyone takes a group. */
  readonly startupMs: number;
  /** A failover or failback: deadtime plus the resources' stop and start. */
  readonly moveMs: number;
  /** A failed start: ResourceManager's 30 s before the standby that hands the group over. */
  readonly giveUpMs: number;
}

const DEFAULT_TIMEOUTS: WebScenarioTimeouts = { startupMs: 30_000, moveMs: 15_000, giveUpMs: 45_000 };

/**
 * The web cluster's story, one step a test, on a WebCluster whose node1 runs Heartline (the node
 * whose config gets broken) and whose node2 runs Heartline or heartbeat 3.0.6. Each step acts,
 * waits for the page from the node that must serve it (the client is the ground truth), then checks
 * where the VIP and apache are, and the order of the resource steps in the daemons' logs. `note`
 * gets the figures (t.diagnostic). Every step leaves one node serving, so more steps (resource
 * monitoring) can follow any of them.
 */
export class WebScenario {
  constructor(
    readonly web: WebCluster,
    private readonly note: (line: string) => void,
    private readonly timeouts: WebScenarioTimeouts = DEFAULT_TIMEOUTS,
  ) {}

  /** Both daemons start: node1 takes its group, the VIP before apache, and serves. */
  async start(): Promise<void> {
    const { web } = this;
    const since = web.client.mark();
    const marks = web.daemons.map((d) => d.log.mark());
    await Promise.all(web.daemons.map((d) => d.start()));
    const first = await web.client.waitForServer('node1', { sinceMs: since, timeoutMs: this.timeouts.startupMs });
    this.note(`first page from node1 ${Math.round(first.endedMs - since)} ms after both daemons were started`);
    assert.deepEqual(await web.placement(), { vip: ['node1'], apache: ['node1'] });
    this.assertOrder(1, marks[0]!, ['vipAdded', 'apacheStarting'], 'node1 takes its group: the VIP, then apache');
    await waitUntil('ten more pages', () => (web.client.since(first.startedMs).length >= 10 ? true : undefined), { timeoutMs: 5_000 });
    assert.deepEqual(web.client.servers(since), ['node1'], web.client.describe(since));
  }

  /** Power cut of node1 while it serves: node2 declares it dead, takes the VIP, then apache, and serves. */
  async powerCutOfNode1(): Promise<UnavailabilityWindow> {
    const { web } = this;
    const since = web.client.mark();
    await web.client.waitForServer('node1', { sinceMs: since, timeoutMs: 5_000 });
    const mark = web.daemon(2).log.mark();
    const cutAt = await web.node(1).crash();
    const served = await web.client.waitForServer('node2', { sinceMs: since, timeoutMs: this.timeouts.moveMs });
    await web.client.waitAnswered(served.seq);
    assert.deepEqual(web.client.servers(since), ['node1', 'node2'], web.client.describe(since));
    const outage = web.client.outage(cutAt, 'node2');
    assert.ok(outage !== undefined, web.client.describe(since));
    this.note(`node1's power cut: no page for ${Math.round(outage.durationMs)} ms (${outage.failures.length} failed requests: ${outage.errors.join(', ')})`);
    assert.deepEqual(await web.placement(), { vip: ['node2'], apache: ['node2'] });
    const dead = this.lineAt(2, mark, /node node1: is dead/, 'node2 declares node1 dead');
    const vip = this.assertOrder(2, mark, ['vipAdded', 'apacheStarting'], 'node2 takes the group: the VIP, then apache')[0]!;
    assert.ok(dead < vip, 'node1 declared dead before node2 takes its group');
    return outage;
  }

  /**
   * node1 is powered on and its daemon started: auto_failback hands the group back. node2 stops
   * apache before it removes the VIP; the VIP leaves node2 before it comes to node1 (the kernels'
   * address notices); node1 adds it before it starts apache; then node1 serves.
   */
  async node1Returns(): Promise<void> {
    const { web } = this;
    const since = web.client.mark();
    const marks = web.daemons.map((d) => d.log.mark());
    await web.node(1).boot();
    await web.daemon(1).start();
    await web.client.waitForServer('node1', { sinceMs: since, timeoutMs: this.timeouts.moveMs });
    assert.deepEqual(web.client.servers(since), ['node2', 'node1'], web.client.describe(since));
    assert.deepEqual(await web.placement(), { vip: ['node1'], apache: ['node1'] });
    const windows = web.client.unavailabilityWindows(since);
    this.note(`failback: ${windows.map((w) => `no page for ${Math.round(w.durationMs)} ms (${w.errors.join(', ')})`).join('; ') || 'no request failed'}`);
    this.assertOrder(2, marks[1]!, ['apacheStopping', 'vipRemoved'], 'node2 gives the group back: apache stopped, then the VIP removed');
    this.assertOrder(1, marks[0]!, ['vipAdded', 'apacheStarting'], 'node1 takes it: the VIP, then apache');
    const vip = web.vip;
    await waitUntil('the address notices of the failback', () => {
      const gone = web.watch(2).of(vip, since).find((e) => e.kind === 'deleted');
      const came = web.watch(1).of(vip, since).find((e) => e.kind === 'added');
      return gone !== undefined && came !== undefined ? { gone, came } : undefined;
    }, { timeoutMs: 2_000 }).then(({ gone, came }) => {
      assert.ok(gone.atMs <= came.atMs, `the VIP left node2 (${gone.atMs.toFixed(1)}) before it came to node1 (${came.atMs.toFixed(1)})`);
      this.note(`VIP deleted on node2 → added on node1: ${(came.atMs - gone.atMs).toFixed(1)} ms`);
    });
  }

  /**
   * The admin restarts node1 with a syntax error in its apache config. node2 runs the group while
   * node1's daemon is down; when it is back, auto_failback hands the group to node1, whose apache
   * refuses its config (apache's own words in the log), and node1 removes the VIP it had just
   * added; 30 s later it goes standby for the group and node2 serves again. The config is repaired
   * at the end, node2 serving.
   */
  async brokenConfigOnNode1(): Promise<void> {
    const { web } = this;
    const node1 = web.daemon(1);
    let since = web.client.mark();
    await node1.stop();
    await web.client.waitForServer('node2', { sinceMs: since, timeoutMs: this.timeouts.moveMs });
    const line = web.site(1).break();
    since = web.client.mark();
    const mark = node1.log.mark();
    await node1.start();
    const refused = await node1.log.waitFor(/APACHE_START_FAILED/, { from: mark, timeoutMs: this.timeouts.moveMs });
    assert.match(refused.text, new RegExp(`AH00526: Syntax error on line ${line} of ${web.site(1).configFile}: Invalid command 'Bogus'`));
    await node1.log.waitFor(new RegExp(`CRIT: Giving up resources due to failure of ${web.site(1).resource}`), { from: mark, timeoutMs: 5_000 });
    const vip = web.vip;
    await waitUntil('node1 to take the VIP back', () => (web.watch(1).of(vip, since).some((e) => e.kind === 'deleted') ? true : undefined), { timeoutMs: 5_000 });
    const events = web.watch(1).of(vip, since);
    assert.deepEqual(events.map((e) => e.kind), ['added', 'deleted'], 'node1 added the VIP, then took it back');
    this.note(`the VIP was on node1 for ${(events[1]!.atMs - events[0]!.atMs).toFixed(1)} ms`);
    assert.equal(await web.hasVip(web.node(1)), false, 'ip addr on node1: no VIP');
    assert.deepEqual(await web.site(1).apaches(), [], 'no apache on node1');
    const [added, removed] = this.assertOrder(1, mark, ['vipAdded', 'vipRemoved'], 'node1: the VIP added, then removed');
    const failed = this.lineAt(1, mark, /APACHE_START_FAILED/, 'apache fails');
    assert.ok(added! < failed && failed < removed!, 'the VIP is removed after apache failed');
    const served = await web.client.waitForServer('node2', { sinceMs: refused.seenAtMs, timeoutMs: this.timeouts.giveUpMs });
    assert.deepEqual(await web.placement(), { vip: ['node2'], apache: ['node2'] });
    this.note(`node2 serves again ${Math.round(served.endedMs - refused.seenAtMs)} ms after node1's apache refused its config`);
    // The admin fixes the config; node2 keeps the group (node1 went standby for it) until it moves again.
    web.site(1).write();
  }

  /** node1 asks for its group back (`ha takeover local`, hb_takeover) once both sides are stable, and serves. */
  async takeoverByNode1(): Promise<void> {
    const { web } = this;
    const since = web.client.mark();
    await waitStable(web.daemons);
    await web.daemon(1).takeover('local');
    await web.client.waitForServer('node1', { sinceMs: since, timeoutMs: this.timeouts.moveMs });
    assert.deepEqual(await web.placement(), { vip: ['node1'], apache: ['node1'] });
    await waitStable(web.daemons);
  }

  /**
   * `kill -9` of every apache process on the holder (its site, not the other node's): resource
   * monitoring sees apache gone at its next check, restarts it in place — apache alone, the VIP
   * stays on the holder — and the holder serves again.
   */
  async apacheCrashHealedOn(holder: 1 | 2): Promise<UnavailabilityWindow> {
    const { web } = this;
    const node = `node${holder}`;
    const daemon = web.daemon(holder);
    const since = web.client.mark();
    await web.client.waitForServer(node, { sinceMs: since, timeoutMs: 5_000 });
    const mark = daemon.log.mark();
    const killedAt = await web.site(holder).crash();
    await daemon.log.waitFor(new RegExp(`ERROR: MONITOR_FAILED: ${escape(web.site(holder).resource)} of resource group \\S+ is not running`), { from: mark, timeoutMs: 15_000 });
    await daemon.log.waitFor(/WARN: Restarting \S+ of resource group \S+ in place \(restart 1 of/, { from: mark, timeoutMs: 5_000 });
    await daemon.log.waitFor(/Resource group \S+ runs again after the restart of apache::/, { from: mark, timeoutMs: 20_000 });
    const served = await web.client.waitForServer(node, { sinceMs: killedAt, timeoutMs: 10_000 });
    await web.client.waitAnswered(served.seq);
    assert.deepEqual(web.client.servers(since), [node], web.client.describe(since));
    assert.deepEqual(web.watch(holder).of(web.vip, since), [], `the VIP stayed on ${node}: only apache restarted`);
    assert.deepEqual(await web.placement(), { vip: [node], apache: [node] });
    const outage = web.client.outage(killedAt, node);
    assert.ok(outage !== undefined, web.client.describe(since));
    this.note(`apache killed on ${node}: restarted by monitoring, no page for ${Math.round(outage.durationMs)} ms (${outage.failures.length} failed requests: ${outage.errors.join(', ')})`);
    return outage;
  }

  /**
   * apache killed again on the holder with its restart budget used up: monitoring hands the group
   * to the peer through heartbeat's standby protocol, and the peer serves.
   */
  async apacheKeepsCrashingOn(holder: 1 | 2, peer: 1 | 2): Promise<UnavailabilityWindow> {
    const { web } = this;
    const daemon = web.daemon(holder);
    const since = web.client.mark();
    await web.client.waitForServer(`node${holder}`, { sinceMs: since, timeoutMs: 5_000 });
    const mark = daemon.log.mark();
    const killedAt = await web.site(holder).crash();
    await daemon.log.waitFor(/CRIT: MONITOR_HANDOVER: resource group \S+ goes to the peer \(standby \[(local|foreign)\]\): apache::\S+ failed again after 1 restart/, {
      from: mark,
      timeoutMs: 15_000,
    });
    const served = await web.client.waitForServer(`node${peer}`, { sinceMs: killedAt, timeoutMs: this.timeouts.moveMs });
    await web.client.waitAnswered(served.seq);
    assert.deepEqual(web.client.servers(since), [`node${holder}`, `node${peer}`], web.client.describe(since));
    assert.deepEqual(await web.placement(), { vip: [`node${peer}`], apache: [`node${peer}`] });
    const outage = web.client.outage(killedAt, `node${peer}`);
    assert.ok(outage !== undefined, web.client.describe(since));
    this.note(`apache killed again on node${holder}: the group went to node${peer}, no page for ${Math.round(outage.durationMs)} ms`);
    return outage;
  }

  /** The daemon's log lines since `mark`. */
  private log(i: 1 | 2, mark: number): readonly TailedLine[] {
    return this.web.daemon(i).log.lines.slice(mark);
  }

  private lines(i: 1 | 2): WebResourceLines {
    return webResourceLines(this.web.daemon(i), this.web.vip, this.web.vipResource, this.web.site(i).configFile);
  }

  /** Index (since `mark`) of the first line of daemon `i` matching `pattern`; fails naming `what`. */
  private lineAt(i: 1 | 2, mark: number, pattern: RegExp, what: string): number {
    const lines = this.log(i, mark);
    const at = lines.findIndex((l) => pattern.test(l.text));
    assert.ok(at >= 0, `${what}: no line matching ${pattern} in node${i}'s log:\n${lines.map((l) => `  ${l.text}`).join('\n')}`);
    return at;
  }

  /** Asserts that daemon `i` logged the steps in this order since `mark`; returns their indexes. */
  private assertOrder(i: 1 | 2, mark: number, steps: ReadonlyArray<keyof WebResourceLines>, what: string): number[] {
    const lines = this.lines(i);
    const at = steps.map((step) => this.lineAt(i, mark, lines[step], `${what} (${step})`));
    for (let k = 1; k < at.length; k++) assert.ok(at[k - 1]! < at[k]!, `${what}: ${steps[k - 1]} (line ${at[k - 1]}) before ${steps[k]} (line ${at[k]})`);
    return at;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
