#!/usr/bin/env node
// `npm run sim [-- FLAGS]`: the deterministic cluster simulator (docs/simulator.md). Builds first, then
// runs seeded schedules of faults against in-memory clusters of real nodes and checks the invariants.
//   --schedules N      how many schedules (default 200); seeds S, S+1, … S+N-1
//   --seed S           the first seed (default: a random one, printed); one seed, one schedule, one run
//   --nodes A..B | N   cluster sizes (default 2); two nodes run resource groups, larger ones membership only
//   --steps N          at most N steps per schedule (default 8)
//   --mode on|off|legacy|all   auto_failback of the clusters (default all)
//   --mixed never|some|always  two-node clusters with a node counting peers as heartbeat 3.0.6 (default some)
//   --monitoring never|some|always  two-node clusters with resource monitoring, and service kills (default some)
//   --workers N        run schedules in N worker threads (default 1)
//   --keep-going       run every schedule even after a failure (the first one is shrunk)
//   --replay JSON|FILE run exactly this schedule (as a failure prints it), with its timeline
//   --json             print the report as JSON on stdout
//   --no-build         do not build first
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (!isMainThread) {
  await runWorker();
} else {
  await main();
}

function usage(message) {
  console.error(`npm run sim: ${message}`);
  console.error('flags: --schedules N --seed S --nodes A..B --steps N --mode on|off|legacy|all --mixed never|some|always');
  console.error('       --monitoring never|some|always --workers N --keep-going --replay JSON|FILE --json --no-build');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { schedules: 200, seed: undefined, nodes: [2, 2], steps: 8, mode: 'all', mixed: 'some', monitoring: 'some', workers: 1, keepGoing: false, json: false, build: true, replay: undefined };
  const shares = { never: 0, some: undefined, always: 1 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    const count = (min) => {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) usage(`${flag} ${v}: a whole number of at least ${min}`);
      return n;
    };
    switch (flag) {
      case '--schedules': o.schedules = count(1); break;
      case '--seed': o.seed = count(0); break;
      case '--steps': o.steps = count(1); break;
      case '--workers': o.workers = count(1); break;
      case '--nodes': {
        const v = value();
        const m = /^(\d+)(?:\.\.(\d+))?$/.exec(v);
        const [a, b] = m === null ? [NaN, NaN] : [Number(m[1]), Number(m[2] ?? m[1])];
        if (!(a >= 2 && b >= a && b <= 64)) usage(`--nodes ${v}: N or A..B with 2 <= A <= B <= 64`);
        o.nodes = [a, b];
        break;
      }
      case '--mode': {
        const v = value();
        if (!['on', 'off', 'legacy', 'all'].includes(v)) usage(`--mode ${v}: on, off, legacy or all`);
        o.mode = v;
        break;
      }
      case '--mixed':
      case '--monitoring': {
        const v = value();
        if (!(v in shares)) usage(`${flag} ${v}: never, some or always`);
        o[flag.slice(2)] = v;
        break;
      }
      case '--replay': o.replay = value(); break;
      case '--keep-going': o.keepGoing = true; break;
      case '--json': o.json = true; break;
      case '--no-build': o.build = false; break;
      default: usage(`unknown argument ${flag}`);
    }
  }
  o.seed ??= randomInt(1, 2 ** 31 - o.schedules);
  return o;
}

function generateOptions(o, defaults) {
  const share = (word, some) => (word === 'never' ? 0 : word === 'always' ? 1 : some);
  return {
    minNodes: o.nodes[0],
    maxNodes: o.nodes[1],
    maxSteps: o.steps,
    modes: o.mode === 'all' ? ['on', 'off', 'legacy'] : [o.mode],
    mixedShare: share(o.mixed, defaults.mixedShare),
    monitoringShare: share(o.monitoring, defaults.monitoringShare),
  };
}

/** The batch's flags without --seed/--schedules: what a failure prints to run one seed again. */
function commandOf(o) {
  const nodes = o.nodes[0] === o.nodes[1] ? `${o.nodes[0]}` : `${o.nodes[0]}..${o.nodes[1]}`;
  return `npm run sim -- --nodes ${nodes} --steps ${o.steps} --mode ${o.mode} --mixed ${o.mixed} --monitoring ${o.monitoring}`;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.build) {
    const { ensureBuilt } = await import('./lib/ensureBuilt.mjs');
    ensureBuilt();
  }
  const sim = await import('@heartline/core/testing');
  if (o.replay !== undefined) return replay(sim, o);
  const generate = generateOptions(o, sim.defaultGenerateOptions);
  const seeds = Array.from({ length: o.schedules }, (_, i) => o.seed + i);
  const workers = Math.min(o.workers, seeds.length, availableParallelism());
  const log = (line) => (o.json ? console.error(line) : console.log(line));
  log(`simulating ${seeds.length} schedules from seed ${o.seed} (${commandOf(o)}, ${workers} worker${workers === 1 ? '' : 's'})`);

  const started = performance.now();
  const results = [];
  let failed;
  let lastProgress = started;
  const progress = () => {
    const now = performance.now();
    if (now - lastProgress < 5000 && results.length < seeds.length) return;
    lastProgress = now;
    const bad = results.filter((r) => r.violation !== undefined).length;
    const rate = Math.round((results.length * 60_000) / (now - started));
    console.error(`  ${results.length}/${seeds.length} schedules, ${bad} failed, ${rate} schedules per minute`);
  };
  const take = (result) => {
    results.push(result);
    if (result.violation !== undefined && failed === undefined) failed = result;
    progress();
    return failed !== undefined && !o.keepGoing;
  };
  if (workers <= 1) {
    for (const seed of seeds) if (take(await sim.runSchedule(sim.generateSchedule(seed, generate)))) break;
  } else {
    await inWorkers(seeds, generate, workers, take);
  }
  const elapsed = performance.now() - started;

  const failures = results.filter((r) => r.violation !== undefined).sort((a, b) => a.schedule.seed - b.schedule.seed);
  let first;
  if (failures.length > 0) {
    log(`seed ${failures[0].schedule.seed} failed (${failures[0].violation.invariant}); shrinking it…`);
    first = await sim.shrinkFailure(failures[0], {});
  }
  const report = sim.summarize(results, [...(first === undefined ? [] : [first]), ...failures.slice(1).map((r) => ({ original: r }))], elapsed);
  if (o.json) {
    console.log(JSON.stringify({ command: commandOf(o), firstSeed: o.seed, ...report }, null, 2));
  } else {
    if (first !== undefined) console.log(['', ...sim.formatFailure(first, commandOf(o)), ''].join('\n'));
    console.log(sim.formatSummary(report).join('\n'));
  }
  // exitCode, not exit(): a large --json report must reach a pipe whole.
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

/** Spreads the seeds over worker threads (seed i to worker i mod n); stops them all when `take` says so. */
function inWorkers(seeds, generate, count, take) {
  return new Promise((resolve, reject) => {
    let running = count;
    let stopping = false;
    const pool = Array.from({ length: count }, (_, w) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { seeds: seeds.filter((_, i) => i % count === w), generate } });
      worker.on('message', (result) => {
        if (!stopping && take(result)) {
          stopping = true;
          for (const other of pool) void other.terminate();
        }
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (--running === 0) resolve();
      });
      return worker;
    });
  });
}

async function runWorker() {
  const sim = await import('@heartline/core/testing');
  const { seeds, generate } = workerData;
  for (const seed of seeds) parentPort.postMessage(await sim.runSchedule(sim.generateSchedule(seed, generate)));
}

async function replay(sim, o) {
  const text = existsSync(o.replay) ? readFileSync(o.replay, 'utf8') : o.replay;
  let schedule;
  try {
    schedule = JSON.parse(text);
  } catch (error) {
    usage(`--replay: neither a file nor JSON (${error.message})`);
  }
  const result = await sim.runSchedule(schedule, { record: true });
  if (o.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(sim.formatSchedule(schedule).join('\n'));
    console.log('');
    console.log(result.story.join('\n'));
    console.log('');
    const v = result.violation;
    console.log(
      v !== undefined
        ? `FAILED: "${v.invariant}" at +${(v.atMs / 1000).toFixed(3)} s: ${v.message}`
        : result.limitation !== undefined
          ? `ended in heartbeat's unresolvable split brain: ${result.limitation}`
          : `passed (${(result.simulatedMs / 1000).toFixed(1)} s simulated; convergence ${result.convergenceMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')})`,
    );
  }
  process.exitCode = result.violation === undefined ? 0 : 1;
}
