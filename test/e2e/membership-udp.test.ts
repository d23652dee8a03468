import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import { waitForClusterView } from '../lib/waitForClusterView.js';
import { writeHaConfig, type LabMedia } from '../lib/writeHaConfig.js';

// Three Heartline nodes (`ha start`) in three network namespaces on one bridge, over each UDP
// medium in turn: they form one cluster, a SIGKILLed node is declared dead by the others within
// its deadtime + 200 ms, and it rejoins with a new generation.
const skip = e2eSkipReason({ root: true, commands: ['ip', 'nft', 'unshare', 'nsenter'] });
const DEADTIME_MS = 500;
const NAMES = ['node1', 'node2', 'node3'];
const ALL_ADDRESSES = ['10.213.0.11', '10.213.0.12', '10.213.0.13'];

const rounds: ReadonlyArray<{ name: string; media: LabMedia[] }> = [
  { name: 'bcast', media: [{ kind: 'bcast' }] },
  { name: 'mcast', media: [{ kind: 'mcast', group: '239.0.213.1', port: 694, ttl: 1, loop: false }] },
  // Every node lists every address, its own included, as admins do; heartbeat ignores its own.
  { name: 'ucast', media: [{ kind: 'ucast', peers: ALL_ADDRESSES }] },
];

describe('membership of three Heartline nodes over UDP', { skip }, () => {
  const fixture = new LabFixture({ nodes: 3 });
  const detections: Record<string, number[]> = {};

  after(() => {
    for (const [medium, ms] of Object.entries(detections)) {
      console.log(`detection of a SIGKILLed Heartline node by its Heartline peers over ${medium}: ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
    }
  });

  for (const round of rounds) {
    describe(`over ${round.name}`, () => {
      let nodes: HeartlineProcess[] = [];

      before(async () => {
        nodes = fixture.lab.nodes.map((node) => {
          writeHaConfig(node.configDir, {
            nodes: NAMES,
            iface: node.iface,
            media: round.media,
            keepalive: '100ms',
            deadtime: `${DEADTIME_MS}ms`,
            initdead: '10',
          });
          return new HeartlineProcess(node);
        });
        for (const n of nodes) n.start();
      });

      after(async () => {
        for (const n of nodes) {
          if (n.running) await n.stop();
          n.close();
        }
      });

      const guard = (body: () => Promise<void>): Promise<void> => fixture.guard(body);

      test('all three see each other active, with one link per node on hleth0', () =>
        guard(async () => {
          for (const n of nodes) {
            const view = await waitForClusterView(n, Object.fromEntries(NAMES.map((name) => [name, { status: 'active' }])));
            assert.equal(view.localNode, n.node.name);
            for (const peer of view.nodes.filter((p) => p.name !== n.node.name)) {
              assert.deepEqual(peer.links.map((l) => [l.name, l.status]), [['hleth0', 'up']], `${n.node.name}'s view of ${peer.name}`);
            }
          }
        }));

      test(`a SIGKILLed node is declared dead by the others within deadtime + 200 ms`, () =>
        guard(async () => {
          const [a, b, victim] = nodes as [HeartlineProcess, HeartlineProcess, HeartlineProcess];
          // Peers use the announced dt, which is deadtime + 2 s for the victim's first 5 s.
          for (const n of [a, b]) await waitForClusterView(n, { node3: { status: 'active', deadtimeMs: DEADTIME_MS } });
          const marks = [a.log.mark(), b.log.mark()];
          const killedAt = await victim.kill();
          const lines = await Promise.all([a, b].map((n, i) => n.log.waitFor(/node node3: is dead/, { from: marks[i] ?? 0, timeoutMs: 10_000 })));
          const delays = lines.map((l) => l.seenAtMs - killedAt);
          (detections[round.name] ??= []).push(...delays);
          for (const [i, ms] of delays.entries()) {
            assert.ok(ms <= DEADTIME_MS + 200, `node${i + 1} declared node3 dead ${ms.toFixed(0)} ms after the kill`);
            assert.ok(ms >= DEADTIME_MS - 150, `node${i + 1} declared node3 dead too early: ${ms.toFixed(0)} ms`);
          }
          for (const n of [a, b]) assert.equal(await n.nodeStatus('node3'), 'dead');
        }));

      test('the killed node rejoins with a new generation and everyone sees it active again', () =>
        guard(async () => {
          const [a, b, victim] = nodes as [HeartlineProcess, HeartlineProcess, HeartlineProcess];
          const before = (await a.status())?.generation;
          const oldGeneration = readGeneration(victim);
          victim.start();
          const view = await waitForClusterView(victim, Object.fromEntries(NAMES.map((name) => [name, { status: 'active' }])));
          assert.ok(view.generation > oldGeneration, `generation ${view.generation} after ${oldGeneration}`);
          for (const n of [a, b]) await waitForClusterView(n, { node3: { status: 'active' } });
          assert.equal((await a.status())?.generation, before, 'the survivors keep their generation');
        }));

      test('SIGTERM stops every node cleanly (exit 0)', () =>
        guard(async () => {
          const codes = await Promise.all(nodes.map((n) => n.stop()));
          for (const [i, n] of nodes.entries()) assert.equal(codes[i], 0, `${n.node.name}: ${n.output().slice(-800)}`);
        }));
    });
  }
});

/** The generation a node had, from the state it persisted (status is gone with the process). */
function readGeneration(node: HeartlineProcess): number {
  // ha start keeps heartbeat's hb_generation file in its state dir; it holds the last generation.
  const text = readFileSyncSafe(`${node.stateDir}/hb_generation`);
  const value = text === undefined ? Number.NaN : Number.parseInt(text.trim(), 10);
  assert.ok(Number.isFinite(value), `${node.stateDir}/hb_generation holds a number (got ${JSON.stringify(text)})`);
  return value;
}

function readFileSyncSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
