import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { NetnsLab } from '../lib/NetnsLab.js';
import { waitStable } from '../lib/standbyWhenStable.js';
import type { WebAttempt } from '../lib/WebAttempt.js';
import { WebCluster } from '../lib/WebCluster.js';

// `npm run demo`: the seed's web cluster on this machine, in network namespaces. node1 runs
// Heartline, node2 the real heartbeat 3.0.6; one ha.cf (bcast, sha1, keepalive 200 ms, deadtime 1 s,
// auto_failback on) and one haresources line serve both: `node1 VIP apache::/etc/ha.d/web/httpd.conf`
// (the VIP, then apache, each node with its own site behind that path, its page naming the node).
// On node1 Heartline's own agents run the group (agent-ipaddr over netlink, agent-apache) and its
// resource monitoring watches apache (heartline.cf: every 2 s, one restart in place per 10 min);
// on node2 heartbeat runs its IPaddr and apache scripts. A client on the bridge fetches
// http://VIP/ every 50 ms and the demo prints, live, which node answers. Then: node1's power cut and
// heartbeat's takeover, the failback, an apache crash healed by monitoring, a second one that
// monitoring hands to heartbeat, and `ha takeover` to bring the site home.

const KEEPALIVE = '200ms';
const DEADTIME = '1';
const HEARTLINE_CF = 'monitor apache interval=2s restarts=1 window=10min\n';

const t0 = performance.now();
const stamp = (at = performance.now()): string => `[${((at - t0) / 1000).toFixed(2).padStart(6)} s]`;
const say = (text: string): void => console.log(`${stamp()} ${text}`);
const rows: Array<[string, string]> = [];
const ms = (value: number): string => `${Math.round(value)} ms`;

export async function runDemo(): Promise<void> {
  say('building a 2-node lab: a bridge and two network namespaces, 10.213.0.11-12 on hleth0, a web client at 10.213.0.250');
  const lab = await NetnsLab.create({ nodes: 2 });
  const daemons: [ClusterDaemon, ClusterDaemon] = [heartlineDaemon(lab.node(1)), heartbeatDaemon(lab.node(2))];
  const [hl, hb] = daemons;
  let web: WebCluster | undefined;
  let live: LiveView | undefined;
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    say('interrupted: tearing the lab down');
    live?.stop();
    for (const d of daemons) d.close();
    void (web?.close() ?? Promise.resolve()).then(() => lab.destroy()).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    web = await WebCluster.create(lab, daemons, {
      listen: ['vip', 'vip'],
      vipForm: 'with-interface',
      keepalive: KEEPALIVE,
      deadtime: DEADTIME,
      heartlineCf: HEARTLINE_CF,
    });
    const { client } = web;
    say(`haresources on both nodes: ${web.haresources.trim()}`);
    say(`ha.cf: bcast hleth0, keepalive ${KEEPALIVE}, deadtime ${DEADTIME} s, auto_failback on; heartline.cf (Heartline only): ${HEARTLINE_CF.trim()}`);
    live = new LiveView(web);
    live.start();

    say('starting: node1 = Heartline (ha start), node2 = heartbeat 3.0.6');
    let since = client.mark();
    await Promise.all(daemons.map((d) => d.start()));
    const first = await client.waitForServer('node1', { sinceMs: since, timeoutMs: 40_000 });
    rows.push(['first page from node1 after both started (heartbeat\'s 10 s RQSTDELAY included)', ms(first.endedMs - since)]);
    await waitStable(daemons);

    say('POWER CUT on node1 (Heartline): every process of the node dies, apache and the VIP with it');
    let mark = hb.log.mark();
    since = client.mark();
    const cutAt = await lab.node(1).crash();
    const dead = await hb.log.waitFor(/node node1: is dead/, { from: mark, timeoutMs: 15_000 });
    say(`  heartbeat on node2 logged "node node1: is dead" ${ms(dead.seenAtMs - cutAt)} after the cut`);
    const taken = await client.waitForServer('node2', { sinceMs: since, timeoutMs: 30_000 });
    await client.waitAnswered(taken.seq);
    const cutOutage = client.outage(cutAt, 'node2');
    rows.push(['power cut of node1: heartbeat declares it dead', ms(dead.seenAtMs - cutAt)]);
    rows.push(['power cut of node1 → page from node2 (heartbeat\'s IPaddr + apache)', ms(cutOutage?.durationMs ?? taken.endedMs - cutAt)]);
    await waitStable([hb]);

    say('POWER BACK on node1, Heartline started: auto_failback brings the site home (node2 stops apache, then the VIP; node1 adds the VIP, then starts apache)');
    since = client.mark();
    await lab.node(1).boot();
    await hl.start();
    const back = await client.waitForServer('node1', { sinceMs: since, timeoutMs: 40_000 });
    await client.waitAnswered(back.seq);
    const failback = client.unavailabilityWindows(since).reduce((sum, w) => sum + w.durationMs, 0);
    rows.push(['failback to node1: time without a page', ms(failback)]);
    await waitStable(daemons);

    say('APACHE CRASH on node1: kill -9 of every apache process (heartbeat alone would never notice)');
    mark = hl.log.mark();
    const healed = await outageOf(web, () => web!.site(1).crash(), 'node1');
    const restart = hl.log.find(/WARN: Restarting \S+ of resource group \S+ in place/, mark);
    say(`  Heartline's monitoring saw it and restarted apache in place${restart === undefined ? '' : `: "${restart.text.replace(/^.*WARN: /, '')}"`}`);
    rows.push(['apache crash on node1 → page again (monitoring, every 2 s)', ms(healed)]);
    await waitStable(daemons);

    say('APACHE CRASH on node1 again, its one restart in 10 min already used: Heartline hands the group to heartbeat (hb_standby\'s protocol)');
    mark = hl.log.mark();
    const handedOver = await outageOf(web, () => web!.site(1).crash(), 'node2');
    const handover = hl.log.find(/CRIT: MONITOR_HANDOVER: .*/, mark);
    if (handover !== undefined) say(`  ${handover.text.replace(/^.*CRIT: /, '')}`);
    rows.push(['second apache crash → page from node2 (monitoring hand-over)', ms(handedOver)]);
    await waitStable(daemons);

    say('ADMIN: `ha takeover local` on node1 (apache fixed): heartbeat hands the site back');
    since = client.mark();
    await hl.takeover('local');
    const home = await client.waitForServer('node1', { sinceMs: since, timeoutMs: 30_000 });
    await client.waitAnswered(home.seq);
    rows.push(['ha takeover local: time without a page', ms(client.unavailabilityWindows(since).reduce((sum, w) => sum + w.durationMs, 0))]);
    live.stop();

    const served = client.servers(0);
    say(`the client saw the page from: ${served.join(' → ')} (${client.attempts.length} requests)`);
    console.log(`\nSummary (keepalive ${KEEPALIVE}, deadtime ${DEADTIME} s; the client fetches http://${web.vip}/ every 50 ms):`);
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    live?.stop();
    if (!interrupted) {
      for (const d of daemons) await d.stop().catch(() => undefined);
      for (const d of daemons) d.close();
      await web?.close();
      await lab.destroy();
      say('lab torn down: namespaces deleted, processes gone');
    }
  }
}

/** Runs `fault`, waits for a page from `by`, and returns the time without one (last page before → first after). */
async function outageOf(web: WebCluster, fault: () => Promise<number>, by: string): Promise<number> {
  const since = web.client.mark();
  const at = await fault();
  const served = await web.client.waitForServer(by, { sinceMs: since, timeoutMs: 40_000 });
  await web.client.waitAnswered(served.seq);
  return web.client.outage(at, by)?.durationMs ?? served.endedMs - at;
}

/**
 * Prints, as it happens, every change of who answers the client: pages from a node, or requests
 * without a page (their errors named). Requests are taken in the order they went out, each once
 * all before it came back, so a late timeout does not interleave with the pages after it.
 */
class LiveView {
  private timer: NodeJS.Timeout | undefined;
  private next = 0;
  private current: string | undefined;
  private count = 0;
  private readonly errors = new Set<string>();

  constructor(private readonly web: WebCluster) {}

  start(): void {
    this.timer = setInterval(() => this.show(), 100);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.show();
  }

  private show(): void {
    const bySeq = new Map(this.web.client.attempts.map((a) => [a.seq, a]));
    for (let attempt = bySeq.get(this.next); attempt !== undefined; attempt = bySeq.get(this.next)) {
      this.take(attempt);
      this.next++;
    }
  }

  private take(attempt: WebAttempt): void {
    const what = attempt.servedBy === undefined ? 'no page' : `page from ${attempt.servedBy}`;
    if (what === this.current) {
      this.count++;
      if (attempt.error !== undefined) this.errors.add(attempt.error);
      return;
    }
    const before = this.current === undefined ? '' : ` (after ${this.describe()})`;
    console.log(`${stamp(attempt.startedMs)}     client: ${what}${before}`);
    this.current = what;
    this.count = 1;
    this.errors.clear();
    if (attempt.error !== undefined) this.errors.add(attempt.error);
  }

  /** The run of answers that just ended: `21 pages from node1`, `19 requests without a page (ECONNREFUSED)`. */
  private describe(): string {
    const n = this.count;
    if (this.current !== 'no page') return `${n} page${n === 1 ? '' : 's'} ${this.current?.replace(/^page /, '') ?? ''}`;
    return `${n} request${n === 1 ? '' : 's'} without a page (${[...this.errors].join(', ')})`;
  }
}
