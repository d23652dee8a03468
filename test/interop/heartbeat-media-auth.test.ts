import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { sleep } from '../lib/sleep.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig, type HaConfigOptions, type LabMedia } from '../lib/writeHaConfig.js';

// A real heartbeat 3.0.6 (node1) and a Heartline node (node2) on one lab, one round per medium and
// auth method the bcast/sha1 interop test does not cover: mcast and ucast with sha1, bcast with md5
// and crc. In each round both sides accept each other within a bounded time, neither drops a packet
// of the other, and a graceful stop of either side is seen by the other as heartbeat sees a leaving
// heartbeat. The state dirs carry over between rounds, as on a host whose daemons are restarted.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter', 'cl_status'] }) ?? heartbeatSkipReason();

/** Both sides must see each other active this soon after both were started (heartbeat forks its children first). */
const JOIN_TIMEOUT_MS = 15_000;
/** Traffic exchanged after joining, before the packet checks: 10 keepalives each way. */
const SOAK_MS = 2_000;
/**
 * From a side's exit to the other declaring it dead: its last status was sent up to ~1 s before
 * it exited, and the dt it announces is deadtime + 2 s during its first 5 s (4 s here), plus
 * heartbeat's 250 ms poll and a busy host.
 */
const LEAVE_TIMEOUT_MS = 8_000;
/** A graceful stop of either daemon takes ~2-3 s (two seconds of final statuses); a hang fails the round, not the file. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * What heartbeat logs when it drops or rejects one of our packets: a bad auth token or slot (a
 * plain signature mismatch is logged only at debug level, so a gap in our sequence numbers is what
 * shows it), an unparsable packet, a sequence/generation/replay complaint, and any ERROR or CRIT.
 */
const HEARTBEAT_TROUBLE =
  /auth token|authentication type|compute message auth|bad packet|should_drop_message|replay attack|Irretrievably lost|lost a lot of packets|lost packet\(s\) for \[node2\]|\b(ERROR|CRIT):/i;
/** heartbeat's own ERROR at every start (mlockall fails under the lab's RLIMIT_MEMLOCK); not about us. */
const HEARTBEAT_OWN_ERROR = /Cannot lock ourselves into memory/;

const heartbeatTrouble = (lines: readonly string[]): string[] => lines.filter((l) => HEARTBEAT_TROUBLE.test(l) && !HEARTBEAT_OWN_ERROR.test(l));

interface Round {
  readonly name: string;
  readonly media: (lab: NetnsLab) => readonly LabMedia[];
  readonly auth: NonNullable<HaConfigOptions['auth']>;
  /** Which side is stopped first; the rounds alternate so each side's graceful leave is seen by the other. */
  readonly firstToStop: 'heartline' | 'heartbeat';
  /**
   * on/off make heartbeat wait for the resource handshake (starting / resource) before a SIGTERM
   * can stop it, legacy has none: the rounds cover all three.
   */
  readonly autoFailback: 'on' | 'off' | 'legacy';
}

const ROUNDS: readonly Round[] = [
  {
    name: 'mcast 239.0.213.7 ttl 1 loop 0, sha1',
    media: () => [{ kind: 'mcast', group: '239.0.213.7', port: 694, ttl: 1, loop: false }],
    auth: { method: 'sha1', key: 'hlu-media-auth-sha1' },
    firstToStop: 'heartline',
    autoFailback: 'on',
  },
  {
    // Every node lists both addresses, as one shared ha.cf does; the line naming itself sends nothing.
    name: 'ucast to both addresses, sha1',
    media: (lab) => [{ kind: 'ucast', peers: lab.nodes.map((n) => n.address) }],
    auth: { method: 'sha1', key: 'hlu-media-auth-sha1' },
    firstToStop: 'heartbeat',
    autoFailback: 'off',
  },
  {
    name: 'bcast, md5',
    media: () => [{ kind: 'bcast' }],
    auth: { method: 'md5', key: 'hlu-media-auth-md5' },
    firstToStop: 'heartline',
    autoFailback: 'legacy',
  },
  {
    name: 'bcast, crc',
    media: () => [{ kind: 'bcast' }],
    auth: { method: 'crc' },
    firstToStop: 'heartbeat',
    autoFailback: 'on',
  },
];

describe('interop: heartbeat 3.0.6 and Heartline over mcast and ucast, with sha1, md5 and crc', { skip }, () => {
  let lab: NetnsLab;
  let hb: RealHeartbeat;
  let hl: HeartlineProcess;
  // Generations of the previous round: each restart on kept state must announce a higher one.
  let lastHlGeneration = 0;
  let lastHbGeneration = 0;

  const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
    lab = built;
    hb = f.closeAfter(new RealHeartbeat(built.node(1)));
    hl = f.closeAfter(new HeartlineProcess(built.node(2)));
  });

  /** heartbeat's generation, from the file it writes at start before it sends anything. */
  const heartbeatGeneration = (): number => {
    const file = join(lab.node(1).stateDir, 'hb_generation');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : 0;
  };

  /** Ends whatever a failed round left running (SIGKILL if a graceful stop hangs), so the next round starts clean. */
  const stopBoth = async (): Promise<void> => {
    if (hl.running && (await hl.stop(5_000)) === null) await hl.kill().catch(() => undefined);
    if ((await hb.pids()).length > 0) await hb.stop(5_000).catch(() => hb.kill());
  };

  for (const round of ROUNDS) {
    // Every wait inside is bounded well below this, so a failing round never overlaps the next.
    test(round.name, { timeout: 120_000 }, async () => {
      const startedAt = performance.now();
      const elapsed = (): string => `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
      try {
        for (const node of lab.nodes) {
          writeHaConfig(node.configDir, {
            nodes: ['node1', 'node2'],
            iface: node.iface,
            media: round.media(lab),
            keepalive: '200ms',
            deadtime: '2',
            // Below 10 s heartbeat warns that initdead is too short; nothing here waits for it.
            initdead: '10',
            auth: round.auth,
            haresources: '',
            autoFailback: round.autoFailback,
          });
        }
        const hbFrom = hb.log.mark();
        const hlFrom = hl.log.mark();

        await hb.start();
        hl.start();
        await waitUntil('heartbeat (node1) to see node2 active', async () => ((await hb.nodeStatus('node2')) === 'active' ? true : undefined), {
          timeoutMs: JOIN_TIMEOUT_MS,
          intervalMs: 100,
        });
        await waitForClusterView(hl, { node1: { status: 'active' }, node2: { status: 'active' } }, JOIN_TIMEOUT_MS);
        const joined = elapsed();

        await sleep(SOAK_MS);
        assert.equal((await hb.clStatus('hblinkstatus', 'node2', 'hleth0')).stdout.trim(), 'up', 'heartbeat sees link hleth0 to node2 up');
        assert.equal(await hb.nodeStatus('node2'), 'active', 'heartbeat still sees node2 active after the soak');
        const view = await hl.status();
        assert.ok(view !== undefined, 'ha status answers');
        const peer = view.nodes.find((n) => n.name === 'node1');
        assert.equal(peer?.status, 'active', 'Heartline still sees node1 active after the soak');
        assert.deepEqual(peer?.links, [{ name: 'hleth0', status: 'up' }]);
        assert.deepEqual(view.badPackets, {}, 'Heartline refused none of heartbeat\'s packets');
        assert.deepEqual(heartbeatTrouble(hb.log.lines.slice(hbFrom).map((l) => l.text)), [], 'heartbeat dropped or complained about our packets');
        const hlGaps = hl.log.lines.slice(hlFrom).map((l) => l.text).filter((l) => /lost packet\(s\) for \[node1\]/.test(l));
        assert.deepEqual(hlGaps, [], 'Heartline missed packets of heartbeat');

        // heartbeat drops packets of an older generation as replays: each restart must count up.
        assert.ok(view.generation > lastHlGeneration, `Heartline generation ${view.generation} after ${lastHlGeneration}`);
        lastHlGeneration = view.generation;
        const hbGeneration = heartbeatGeneration();
        assert.ok(hbGeneration > lastHbGeneration, `heartbeat generation ${hbGeneration} after ${lastHbGeneration}`);
        lastHbGeneration = hbGeneration;

        // As between two heartbeats: the leaving side's shutdone is announced (heartbeat logs it),
        // and the other declares it dead once its dt has passed since its last status.
        const hbStopFrom = hb.log.mark();
        const hlStopFrom = hl.log.mark();
        let leave: string;
        if (round.firstToStop === 'heartline') {
          assert.equal(await hl.stop(STOP_TIMEOUT_MS), 0, 'Heartline exits 0 on SIGTERM');
          const exitedAt = performance.now();
          const gone = hl.log.find(/node2 Heartbeat shutdown complete\./, hlStopFrom);
          assert.ok(gone !== undefined, 'Heartline logged its shutdown');
          const notice = await hb.log.waitFor(/Received shutdown notice from 'node2'/, { from: hbStopFrom, timeoutMs: LEAVE_TIMEOUT_MS });
          const dead = await hb.log.waitFor(/WARN: node node2: is dead/, { from: hbStopFrom, timeoutMs: LEAVE_TIMEOUT_MS });
          assert.ok(notice.seenAtMs <= gone.seenAtMs, 'the shutdown notice came before Heartline was gone');
          assert.ok(dead.seenAtMs > gone.seenAtMs, 'heartbeat declared node2 dead only after it was gone');
          assert.equal(await hb.nodeStatus('node2'), 'dead');
          leave = `heartbeat: shutdown notice, then node2 dead ${(dead.seenAtMs - exitedAt).toFixed(0)} ms after Heartline exited`;
          await hb.stop(STOP_TIMEOUT_MS);
        } else {
          await hb.stop(STOP_TIMEOUT_MS);
          const exitedAt = performance.now();
          const gone = hb.log.find(/node1 Heartbeat shutdown complete\./, hbStopFrom);
          assert.ok(gone !== undefined, 'heartbeat logged its shutdown');
          const dead = await hl.log.waitFor(/WARN: node node1: is dead/, { from: hlStopFrom, timeoutMs: LEAVE_TIMEOUT_MS });
          assert.ok(dead.seenAtMs > gone.seenAtMs, 'Heartline declared node1 dead only after it was gone');
          assert.equal(await hl.nodeStatus('node1'), 'dead');
          leave = `Heartline: node1 dead ${(dead.seenAtMs - exitedAt).toFixed(0)} ms after heartbeat exited`;
          assert.equal(await hl.stop(STOP_TIMEOUT_MS), 0, 'Heartline exits 0 on SIGTERM');
        }

        // Gaps are expected once a side has left; any other complaint while stopping is not.
        const stopTrouble = heartbeatTrouble(hb.log.lines.slice(hbStopFrom).map((l) => l.text)).filter((l) => !/lost packet\(s\)/.test(l));
        assert.deepEqual(stopTrouble, [], 'heartbeat complained about our packets while stopping');
        const hlErrors = hl.log.lines.slice(hlFrom).map((l) => l.text).filter((l) => /\b(ERROR|CRIT):/.test(l));
        assert.deepEqual(hlErrors, [], 'Heartline logged errors during the round');
        console.log(`${round.name}: joined after ${joined}; ${leave}; round took ${elapsed()} (generations: heartbeat ${hbGeneration}, Heartline ${view.generation})`);
      } catch (error) {
        fixture.failed = true;
        await stopBoth();
        throw error;
      }
    });
  }
});
