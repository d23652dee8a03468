// `npm run bench -- metrics [--scrapes N] [--json]`: what the metrics endpoint costs the daemon.
// Benchmarks print figures; they assert no targets. One real `ha start` on loopback (ucast to its
// own address: it sends nothing; node2 is never heard, so node1 runs its group alone), once without
// and once with `metrics on` in heartline.cf, each settled for a few seconds, then:
//   rss        the daemon's resident set (VmRSS) once settled: what loading prom-client adds
//   idle CPU   the daemon's CPU (user + sys) over 10 s without a scrape: what metrics cost between scrapes
//   scrape     N scrapes one after the other (default 200): wall per scrape (p50 / p95, from the
//              request to the last byte) and the daemon's CPU per scrape, and the size of the page
// No root needed; only loopback is used. `--json` ends with one line `{"bench":"metrics",…}`.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../lib/percentile.js';
import { repoRoot } from '../lib/repoRoot.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';

const { values } = parseArgs({ options: { scrapes: { type: 'string', default: '200' }, json: { type: 'boolean', default: false } } });
const scrapes = Number(values.scrapes);
if (!Number.isInteger(scrapes) || scrapes < 1) {
  console.error(`metrics: --scrapes wants a whole number >= 1, not ${JSON.stringify(values.scrapes)}`);
  process.exit(64);
}
const SETTLE_MS = 4000;
const IDLE_MS = 10_000;
const TICKS_PER_S = 100;

/** utime + stime in ms, and VmRSS in kB, of a live process. */
function usage(pid: number): { cpuMs: number; rssKb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpuMs, rssKb };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Run {
  readonly metrics: boolean;
  readonly rssKb: number;
  readonly idleCpuMsPer10s: number;
  readonly scrape?: { readonly p50Ms: number; readonly p95Ms: number; readonly daemonCpuMsPerScrape: number; readonly bytes: number };
}

async function run(metrics: boolean): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'hl-metrics-bench-'));
  let child: ChildProcess | undefined;
  try {
    const cfg = join(dir, 'cfg');
    mkdirSync(join(cfg, 'resource.d'), { recursive: true });
    const udpPort = await freePort();
    const port = await freePort();
    writeFileSync(join(cfg, 'ha.cf'), `keepalive 200ms\ndeadtime 1\ninitdead 2\nudpport ${udpPort}\nucast lo 127.0.0.1\nauto_failback on\nnode node1\nnode node2\n`);
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 metrics-bench-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), 'node1 hlbench\n');
    const state = join(dir, 'running');
    writeFileSync(join(cfg, 'resource.d', 'hlbench'), `#!/bin/sh\ncase "$1" in\n  start) touch '${state}' ;;\n  stop) rm -f '${state}' ;;\n  status) [ -e '${state}' ] && echo running || echo stopped ;;\nesac\nexit 0\n`);
    chmodSync(join(cfg, 'resource.d', 'hlbench'), 0o755);
    writeFileSync(join(cfg, 'heartline.cf'), metrics ? `metrics listen=127.0.0.1:${port}\n` : '');
    const started = spawn(
      process.execPath,
      [join(repoRoot, 'packages/cli/bin/ha.js'), 'start', '--config-dir', cfg, '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', join(dir, 'run'), '--init-dir', join(dir, 'init.d')],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    child = started;
    const pid = started.pid!;
    await waitUntil('the group to run', () => {
      try {
        readFileSync(state);
        return true;
      } catch {
        return undefined;
      }
    }, { timeoutMs: 20_000, intervalMs: 100 });
    await sleep(SETTLE_MS);
    const settled = usage(pid);
    await sleep(IDLE_MS);
    const idle = usage(pid);
    const result = { metrics, rssKb: settled.rssKb, idleCpuMsPer10s: ((idle.cpuMs - settled.cpuMs) * 10_000) / IDLE_MS };
    if (!metrics) return result;
    const url = `http://127.0.0.1:${port}/metrics`;
    for (let i = 0; i < 10; i++) await (await fetch(url)).text();
    const walls: number[] = [];
    let bytes = 0;
    const before = usage(pid);
    for (let i = 0; i < scrapes; i++) {
      const t0 = performance.now();
      bytes = (await (await fetch(url)).text()).length;
      walls.push(performance.now() - t0);
    }
    const after = usage(pid);
    walls.sort((a, b) => a - b);
    return { ...result, scrape: { p50Ms: percentile(walls, 50), p95Ms: percentile(walls, 95), daemonCpuMsPerScrape: (after.cpuMs - before.cpuMs) / scrapes, bytes } };
  } finally {
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const off = await run(false);
const on = await run(true);
const f = (n: number): string => n.toFixed(2);
console.log(`metrics: one daemon on loopback, keepalive 200 ms, one group (a resource.d script, not monitored), ${scrapes} scrapes`);
for (const r of [off, on]) {
  console.log(`  metrics ${r.metrics ? 'on ' : 'off'}  rss ${(r.rssKb / 1024).toFixed(1)} MB  idle CPU ${f(r.idleCpuMsPer10s)} ms per 10 s`);
}
if (on.scrape !== undefined) {
  console.log(`  scrape: wall p50 ${f(on.scrape.p50Ms)} ms, p95 ${f(on.scrape.p95Ms)} ms; daemon CPU ${f(on.scrape.daemonCpuMsPerScrape)} ms per scrape; ${on.scrape.bytes} bytes`);
}
console.log(`  rss added by metrics: ${((on.rssKb - off.rssKb) / 1024).toFixed(1)} MB`);
if (values.json) console.log(JSON.stringify({ bench: 'metrics', scrapes, off, on }));
