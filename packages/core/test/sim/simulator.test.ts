import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceAgent } from '../../src/resources/ResourceAgent.js';
import type { MemoryServices } from '../../src/testing/MemoryServices.js';
import { formatFailure } from '../../src/testing/sim/formatFailure.js';
import { generateSchedule } from '../../src/testing/sim/generateSchedule.js';
import { runSchedule } from '../../src/testing/sim/runSchedule.js';
import { runSimulation } from '../../src/testing/sim/runSimulation.js';
import { defaultGenerateOptions } from '../../src/testing/sim/SimGenerateOptions.js';
import type { SimSchedule } from '../../src/testing/sim/SimSchedule.js';

const seeds = (first: number, count: number): number[] => Array.from({ length: count }, (_, i) => first + i);

/** node1's agent says a stop worked and leaves the service running: every hand-over doubles the group. */
function lyingStop(services: MemoryServices, node: string, monitored: boolean): ResourceAgent {
  const honest = services.agent(monitored);
  return node === 'node1' ? { ...honest, stop: () => Promise.resolve({ status: 'stopped' }) } : honest;
}

/** node1's agent, asked to start svcA2, starts svcA3 too: a start the node never ordered, out of order. */
function eagerStart(services: MemoryServices, node: string, monitored: boolean): ResourceAgent {
  const honest = services.agent(monitored);
  if (node !== 'node1') return honest;
  return {
    ...honest,
    start: async (resource, context) => {
      if (resource.spec === 'svcA2') await honest.start({ ...resource, spec: 'svcA3' }, context);
      return honest.start(resource, context);
    },
  };
}

describe('cluster simulator (npm run sim)', () => {
  it('100 two-node schedules in every auto_failback mode, and 10 of 3 to 6 nodes, keep every invariant', async () => {
    // Fixed seeds: the same 110 runs every time. The seeds of the known protocol bugs this
    // simulator found are listed in docs/simulator.md and are not among them.
    const pairs = await runSimulation({ seeds: seeds(1000, 100), generate: defaultGenerateOptions });
    assert.deepEqual(pairs.failures.map((f) => formatFailure(f).join('\n')), []);
    assert.equal(pairs.passed, 100);
    assert.ok(pairs.convergence.count >= 100, 'every run waited for convergence at least once');
    const larger = await runSimulation({ seeds: seeds(5000, 10), generate: { ...defaultGenerateOptions, minNodes: 3, maxNodes: 6 } });
    assert.deepEqual(larger.failures.map((f) => formatFailure(f).join('\n')), []);
    assert.ok(Object.keys(larger.byNodes).some((n) => Number(n) > 3), JSON.stringify(larger.byNodes));
  });

  it('legacy: a node booting while its peer is still `up` takes its own group instead of asking a peer that would drop the ip-request (seeds 728, 1950, 386, 974, 1830, 1908)', async () => {
    const schedule: SimSchedule = {
      seed: 728,
      nodes: 2,
      autoFailback: 'legacy',
      groups: true,
      monitoring: false,
      bootAtMs: [13326, 9980],
      warmupMs: 11622,
      probeNode: 1,
      steps: [{ kind: 'weather', pauseMs: 2403, lossPct: 0, delayMs: [1, 2], dupPct: 0 }],
    };
    const result = await runSchedule(schedule);
    assert.equal(result.violation, undefined, result.violation === undefined ? '' : formatFailure({ original: result }).join('\n'));
    for (const seed of [1950, 386, 974, 1830, 1908]) {
      const report = await runSimulation({ seeds: [seed], generate: defaultGenerateOptions });
      assert.deepEqual(report.failures.map((f) => formatFailure(f).join('\n')), [], `seed ${seed}`);
    }
  });

  it('a peer whose first packet completes comm-up is not declared dead before its status arrives (seeds 1965, 1806)', async () => {
    const schedule: SimSchedule = {
      seed: 1965,
      nodes: 2,
      autoFailback: 'legacy',
      groups: true,
      monitoring: false,
      bootAtMs: [0, 0],
      warmupMs: 12613,
      probeNode: 0,
      steps: [
        { kind: 'crash', node: 0, pauseMs: 4451, downMs: 0 },
        { kind: 'partition', pauseMs: 10141, sides: [0, 1] },
      ],
    };
    const result = await runSchedule(schedule);
    assert.equal(result.violation, undefined, result.violation === undefined ? '' : formatFailure({ original: result }).join('\n'));
    const report = await runSimulation({ seeds: [1806], generate: defaultGenerateOptions });
    assert.deepEqual(report.failures.map((f) => formatFailure(f).join('\n')), [], 'seed 1806');
  });

  it('a silence between deadtime and the dt of a just-started peer heals like a partition, not into two holders (seeds 1818, 648, 89, 1961, 1979)', async () => {
    // Both nodes start together, so each announces deadtime + 2 s for 5 s; a 5.6 s silence is
    // never declared by timeout, and the first status after it is a late heartbeat that marks the
    // peer dead (mach_down on both sides). The same status shows it alive: both report it
    // returning after partition and restart, as after any healed partition.
    const schedule: SimSchedule = {
      seed: 1818,
      nodes: 2,
      autoFailback: 'legacy',
      groups: true,
      monitoring: false,
      bootAtMs: [0, 0],
      warmupMs: 56,
      probeNode: 0,
      steps: [{ kind: 'partition', pauseMs: 5637, sides: [0, 1] }],
    };
    const result = await runSchedule(schedule, { record: true });
    assert.equal(result.violation, undefined, result.violation === undefined ? '' : formatFailure({ original: result }).join('\n'));
    for (const [node, peer] of [
      ['node1', 'node2'],
      ['node2', 'node1'],
    ]) {
      const at = (text: string): number => result.timeline.findIndex((e) => e.who === node && e.text.includes(text));
      const late = at(`Late heartbeat: Node ${peer}`);
      const back = at(`Cluster node ${peer} returning after partition.`);
      assert.ok(late >= 0 && back > late, `${node}: a late heartbeat of ${peer}, then its return after partition`);
    }
    for (const seed of [648, 89, 1961, 1979]) {
      const report = await runSimulation({ seeds: [seed], generate: defaultGenerateOptions });
      assert.deepEqual(report.failures.map((f) => formatFailure(f).join('\n')), [], `seed ${seed}`);
    }
  });

  it('a seed replays exactly: the same timeline to the millisecond, the same frames', async () => {
    const schedule = generateSchedule(1003, defaultGenerateOptions);
    const first = await runSchedule(schedule, { record: true });
    const second = await runSchedule(generateSchedule(1003, defaultGenerateOptions), { record: true });
    assert.ok(first.timeline.length > 100, `a real run (${first.timeline.length} entries)`);
    assert.deepEqual(second.timeline, first.timeline);
    assert.deepEqual(second.frames, first.frames);
    assert.equal(second.simulatedMs, first.simulatedMs);
    const other = await runSchedule(generateSchedule(1004, defaultGenerateOptions), { record: true });
    assert.notDeepEqual(other.timeline, first.timeline, 'another seed is another run');
  });

  it('catches a group on two nodes (an agent whose stop lies), shrinks the schedule and prints seed, schedule and timeline', async () => {
    const report = await runSimulation({ seeds: seeds(1000, 20), generate: defaultGenerateOptions, world: { agent: lyingStop }, shrinkRuns: 150 });
    const failure = report.failures[0];
    assert.equal(failure?.original.violation?.invariant, 'two-holders');
    const shrunk = failure.shrunk;
    assert.ok(shrunk !== undefined);
    assert.ok(shrunk.schedule.steps.length <= 1, `shrunk to ${shrunk.schedule.steps.length} steps`);
    assert.ok(shrunk.schedule.steps.length <= failure.original.schedule.steps.length);
    assert.equal(shrunk.replay.violation?.invariant, 'two-holders');
    const text = formatFailure(failure, 'npm run sim --').join('\n');
    assert.match(text, new RegExp(`FAILED: seed ${failure.original.schedule.seed} broke invariant "two-holders"`));
    assert.match(text, new RegExp(`--seed ${failure.original.schedule.seed} --schedules 1`));
    assert.match(text, /shortest failing schedule found/);
    assert.match(text, /\* start svcA1/, 'the timeline shows the services');
    assert.match(text, /node\d {2}> \w+/, 'and the messages sent');
    assert.match(text, /!! two-holders: group svc/, 'and ends at the violation');
    // The printed schedule replays to the same violation.
    const json = /--replay '(.*)'$/m.exec(text)?.[1];
    assert.ok(json !== undefined);
    const replayed = await runSchedule(JSON.parse(json) as SimSchedule, { agent: lyingStop });
    assert.deepEqual(replayed.violation, shrunk.replay.violation);
  });

  it('catches a node that does not see a partition (a network that ignores cuts)', async () => {
    const report = await runSimulation({
      seeds: seeds(5000, 20),
      generate: { ...defaultGenerateOptions, minNodes: 3, maxNodes: 5 },
      world: { tamper: (world) => (world.network.cut = () => undefined) },
      shrinkRuns: 60,
    });
    const failure = report.failures[0];
    assert.equal(failure?.original.violation?.invariant, 'membership-dead');
    assert.match(failure.original.violation?.message ?? '', /^node\d+ still sees node\d+ as active, which has been cut off from it for \d+ ms \(bound 8000 ms\)$/);
    assert.deepEqual(failure.shrunk?.schedule.steps.map((s) => s.kind), ['partition']);
  });

  it('catches a resource started before its predecessor (an agent that starts more than asked)', async () => {
    const report = await runSimulation({ seeds: seeds(1000, 5), generate: defaultGenerateOptions, world: { agent: eagerStart }, shrinkRuns: 50 });
    const failure = report.failures[0];
    assert.equal(failure?.original.violation?.invariant, 'start-order');
    assert.match(failure.original.violation?.message ?? '', /node1 started svcA3 before it started svcA2 \(left of it in group svcA1\)/);
    assert.deepEqual(failure.shrunk?.schedule.steps, [], 'it needs no fault at all');
  });
});
