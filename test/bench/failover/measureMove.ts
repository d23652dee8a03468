import type { LabNode } from '../../lib/LabNode.js';
import { readLsbEvents } from '../../lib/LsbFixtures.js';
import { sleep } from '../../lib/sleep.js';
import { VIP } from '../ipaddr/vipAddresses.js';
import { isAnswerTo, isGratuitous } from './arpFrames.js';
import { ClientProbes } from './ClientProbes.js';
import { SERVICE, type FailoverCluster } from './FailoverCluster.js';
import { longestGapMs } from './longestGapMs.js';
import type { MoveSample } from './MoveSample.js';
import { waitForFrame } from './waitForFrame.js';

const wallMs = (): number => performance.timeOrigin + performance.now();

/**
 * A planned move of the group from `from` to `to`, started by `request` (a standby, or the start
 * of the returning node's daemon), with both clients probing; resolves once `to` holds the group,
 * its VIP announced and answering. `guard` may end the wait (e.g. a standby heartbeat dropped).
 */
export async function measureMove(
  c: FailoverCluster,
  move: { readonly from: LabNode; readonly to: LabNode; readonly what: string; readonly request: () => Promise<void>; readonly guard?: () => void },
): Promise<MoveSample> {
  const { capture, macs } = c;
  const monitor = c.monitors[move.from === c.node1 ? 0 : 1];
  const toMac = move.to === c.node1 ? macs.node1 : macs.node2;
  const probes = await ClientProbes.start(c);
  try {
    await sleep(100);
    const addressFrom = monitor.mark();
    const requestAt = wallMs();
    await move.request();
    await c.waitPlaced(move.to, move.what, move.guard);
    const askers = [macs.pinger, macs.prober];
    const garp = await waitForFrame(capture, `${move.to.name}'s first gratuitous ARP`, requestAt, (f) => f.srcMac === toMac && isGratuitous(f, VIP, askers), 10_000);
    await probes.ping.replyAfter(garp.atMs, 5000);
    await sleep(100);
    const endAt = wallMs();
    await probes.stop();

    const released = await monitor.removed(VIP, addressFrom, requestAt, 2000).catch(() => undefined);
    const stopped = readLsbEvents(move.from).find((e) => e.kind === 'stop' && e.service === SERVICE && e.atMs >= requestAt);
    const started = readLsbEvents(move.to).find((e) => e.kind === 'start' && e.service === SERVICE && e.atMs >= requestAt);
    const answers = capture.since(probes.startedAtMs, (f) => isAnswerTo(f, VIP, macs.prober) && f.atMs <= endAt).map((f) => f.atMs);
    const replied = probes.firstReplyAfter(garp.atMs) !== undefined;
    return {
      requestToGarpMs: garp.atMs - requestAt,
      handoverMs: released === undefined ? undefined : garp.atMs - released.atMs,
      pingGapMs: replied ? probes.ping.longestGapMs() : undefined,
      arpGapMs: longestGapMs(answers),
      serviceGapMs: stopped === undefined || started === undefined ? undefined : started.atMs - stopped.atMs,
    };
  } finally {
    await probes.stop();
  }
}
