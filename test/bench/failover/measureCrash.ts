import { readLsbEvents } from '../../lib/LsbFixtures.js';
import { sleep } from '../../lib/sleep.js';
import { waitUntil } from '../../lib/waitUntil.js';
import { VIP } from '../ipaddr/vipAddresses.js';
import { isAnswerTo, isGratuitous, isProbe } from './arpFrames.js';
import { ClientProbes } from './ClientProbes.js';
import type { CrashSample, TakeoverStep } from './CrashSample.js';
import { SERVICE, type FailoverCluster } from './FailoverCluster.js';
import { longestGapMs } from './longestGapMs.js';
import { TAKEOVER_STEPS } from './takeoverSteps.js';
import { waitForFrame } from './waitForFrame.js';

const wallMs = (): number => performance.timeOrigin + performance.now();

/**
 * One power cut of node1 while it holds the group (both clients probing): its link down, then
 * every process of the node killed; until node2 holds the group: its VIP announced, the ping
 * client answered again and the service started. Leaves node1 down. Times are epoch ms of the
 * host (tcpdump, ping -D, the service's event log and performance.now() share that clock).
 */
export async function measureCrash(c: FailoverCluster): Promise<CrashSample> {
  const { survivor, capture, macs } = c;
  const eventTimeoutMs = c.timing.deadtimeMs + 20_000;
  const probes = await ClientProbes.start(c);
  try {
    await sleep(200);
    const logFrom = survivor.log.mark();
    // The link goes first: crash() kills the node's processes, then takes its link down once they
    // are gone, and meanwhile its kernel would still answer the client's pings for the VIP.
    const crashAt = wallMs();
    await c.node1.setLink(false);
    await c.node1.crash();
    const dead = await survivor.log.waitFor(/node node1: is dead/, { from: logFrom, timeoutMs: eventTimeoutMs });
    const deadAt = performance.timeOrigin + dead.seenAtMs;
    const askers = [macs.pinger, macs.prober];
    const garp = await waitForFrame(capture, 'the survivor\'s first gratuitous ARP', crashAt, (f) => f.srcMac === macs.node2 && isGratuitous(f, VIP, askers), eventTimeoutMs);
    await probes.ping.replyAfter(garp.atMs, 5000);
    const service = await waitUntil(`${SERVICE} to start on node2`, () => readLsbEvents(c.node2).find((e) => e.kind === 'start' && e.service === SERVICE && e.atMs >= crashAt), {
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    await sleep(100); // the prober's next answers, from node2
    const endAt = wallMs();
    await probes.stop();

    const lastStatus = capture.since(crashAt - 5000, (f) => f.kind === 'status' && f.srcIp === c.node1.address && f.atMs < deadAt).at(-1);
    const answers = capture.since(probes.startedAtMs, (f) => isAnswerTo(f, VIP, macs.prober) && f.atMs <= endAt).map((f) => f.atMs);
    const firstReply = probes.firstReplyAfter(garp.atMs);
    const probe = capture.since(crashAt, (f) => f.srcMac === macs.node2 && isProbe(f, VIP))[0];
    const steps: Partial<Record<TakeoverStep, number>> = {};
    for (const step of TAKEOVER_STEPS) {
      const line = survivor.log.find(step.pattern, logFrom);
      if (line !== undefined) steps[step.key] = line.seenAtMs + performance.timeOrigin - deadAt;
    }
    return {
      detectionMs: deadAt - crashAt,
      silenceMs: lastStatus === undefined ? undefined : deadAt - lastStatus.atMs,
      lastStatusMs: lastStatus === undefined ? undefined : lastStatus.atMs - crashAt,
      overheadMs: garp.atMs - deadAt,
      deadToProbeMs: probe === undefined ? undefined : probe.atMs - deadAt,
      crashToGarpMs: garp.atMs - crashAt,
      pingGapMs: firstReply === undefined ? undefined : probes.ping.longestGapMs(),
      garpToReplyMs: firstReply === undefined ? undefined : firstReply - garp.atMs,
      arpGapMs: longestGapMs(answers),
      crashToServiceMs: service.atMs - crashAt,
      steps,
    };
  } finally {
    await probes.stop();
  }
}
