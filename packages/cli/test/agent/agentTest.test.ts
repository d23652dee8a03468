import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceReport } from '@heartline/core';
import { haBin, type HaRun } from '../runHa.js';

// `ha agent test` as an admin runs it, on scripts that keep their state in a temporary directory
// (no root needed): a well-behaved init script passes, test/fixtures/lsb/hlbroken fails exactly the
// checks its faults break, a hung start is cut at --timeout.
const brokenFixture = fileURLToPath(new URL('../../../../../test/fixtures/lsb/hlbroken', import.meta.url));
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A config dir, an init dir and a run dir of a test's own. */
function node(): { config: string; init: string; run: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hl-agent-test-'));
  dirs.push(dir);
  const paths = { config: join(dir, 'ha.d'), init: join(dir, 'init.d'), run: join(dir, 'run') };
  Object.values(paths).forEach((p) => mkdirSync(p));
  return paths;
}

/** An LSB init script done right: idempotent start and stop, status by the process, a detached daemon. */
function goodScript(init: string, run: string, name: string, startDelay = 0): void {
  writeFileSync(join(init, name), [
    '#!/bin/sh',
    `PIDFILE=${run}/${name}.pid`,
    'running() { [ -s "$PIDFILE" ] && [ -d "/proc/$(cat "$PIDFILE")" ] && ! grep -q "^[0-9]* ([^)]*) Z" "/proc/$(cat "$PIDFILE")/stat"; }',
    'case "$1" in',
    `start) running && exit 0; sleep ${startDelay}; setsid sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > "$PIDFILE" ;;`,
    'stop) if running; then kill "$(cat "$PIDFILE")"; while running; do sleep 0.02; done; fi; rm -f "$PIDFILE" ;;',
    `status) if running; then echo "${name} is running"; else echo "${name} is not running"; exit 3; fi ;;`,
    'esac',
    '',
  ].join('\n'), { mode: 0o755 });
}

function ha(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<HaRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [haBin, ...args], { timeout: 60_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

const dirFlags = (n: { config: string; init: string }) => ['--config-dir', n.config, '--init-dir', n.init, '--node-name', 'node1'];

/** Kills, by pid, the processes a report says were left running. */
function killLeftovers(report: ConformanceReport): void {
  for (const m of report.checks.map((c) => c.detail).join(' ').matchAll(/pid (\d+) \(/g)) {
    try {
      process.kill(Number(m[1]), 'SIGKILL');
    } catch {
      // gone
    }
  }
}

test('a well-behaved init script passes: one PASS line per check, failed-start skipped without --failing, exit 0', async () => {
  const n = node();
  goodScript(n.init, n.run, 'goodsvc');
  const r = await ha(['agent', 'test', 'goodsvc', ...dirFlags(n)]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'ha agent test goodsvc on node node1, served by @heartline/agent-lsb');
  assert.deepEqual(lines.slice(1, -1).map((l) => l.slice(0, 24).trimEnd()), [
    'PASS  validate', 'PASS  status-before', 'PASS  stop-never-started', 'PASS  start', 'PASS  status-after-start', 'PASS  start-again',
    'PASS  stop', 'PASS  status-after-stop', 'PASS  stop-again', 'PASS  status-tells', 'PASS  no-leftovers', 'SKIP  failed-start', 'PASS  timeouts',
  ]);
  assert.match(lines[13] ?? '', /^PASS {2}timeouts {11}every operation returns within its timeout: start ≤ \d+ ms of 120 s, stop ≤ [\d.]+ m?s of 120 s, status ≤ \d+ ms of 30 s$/);
  assert.equal(lines.at(-1), 'goodsvc: 12 passed, 0 failed, 1 skipped');
});

test('the broken fixture fails exactly the checks its faults break, and says what it left running', async () => {
  const n = node();
  copyFileSync(brokenFixture, join(n.init, 'hlbroken'));
  mkdirSync(join(n.config, 'hlbroken'));
  writeFileSync(join(n.config, 'hlbroken', 'good.conf'), '');
  const r = await ha(['agent', 'test', 'hlbroken', 'good', '--failing', 'missing', '--json', ...dirFlags(n)], { HLBROKEN_RUN_DIR: n.run });
  const report = JSON.parse(r.stdout) as ConformanceReport & { plugins: string[]; nodeName: string };
  try {
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(report.checks.filter((c) => c.verdict === 'fail').map((c) => c.id), ['stop-never-started', 'start-again', 'stop-again', 'failed-start']);
    assert.deepEqual([report.resource, report.agent, report.plugins, report.nodeName, report.ok], ['hlbroken::good', '*', ['@heartline/agent-lsb'], 'node1', false]);
    const detail = (id: string) => report.checks.find((c) => c.id === id)?.detail ?? '';
    assert.match(detail('stop-again'), /^failed \(exit 1\): hlbroken good: not running in \d+ ms$/);
    assert.match(detail('failed-start'), /^start of hlbroken::missing answered failed \(exit 1\): hlbroken missing: cannot read .*missing\.conf in \d+ ms; then stop failed \(exit 1\): hlbroken missing: not running in \d+ ms, status stopped in \d+ ms; still running: pid \d+ \(sleep\)$/);
    // status exits 0 whatever the state, but says the right words: heartbeat and Heartline read only those.
    assert.equal(report.checks.find((c) => c.id === 'status-tells')?.verdict, 'pass');
    assert.match(report.warnings.join('\n'), /processes of hlbroken::missing still run: pid \d+ \(sleep\)/);
    const operations = report.operations.map((o) => `${o.operation} ${o.resource} ${o.result?.status}`);
    assert.deepEqual(operations.slice(-3), ['start hlbroken::missing failed', 'stop hlbroken::missing failed', 'status hlbroken::missing stopped']);
  } finally {
    killLeftovers(report);
  }
  const text = await ha(['agent', 'test', 'hlbroken', 'good', ...dirFlags(n)], { HLBROKEN_RUN_DIR: n.run });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^FAIL {2}stop-again {9}stop of a stopped resource answers stopped: failed \(exit 1\)/m);
  assert.match(text.stdout, /\nhlbroken::good: 9 passed, 3 failed, 1 skipped; not ready for failover\n/);
  assert.match(text.stderr, /^error AGENT_TEST_FAILED: hlbroken::good: 3 of 13 checks failed \(stop-never-started, start-again, stop-again\)\n {4}hint: /);
});

test('--timeout cuts an operation that outlasts it: its check and the timeouts check fail, the stops clean up', async () => {
  const n = node();
  goodScript(n.init, n.run, 'slowsvc', 3);
  const r = await ha(['agent', 'test', 'slowsvc', '--timeout', '500ms', '--json', ...dirFlags(n)]);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as ConformanceReport;
  assert.deepEqual(report.checks.filter((c) => c.verdict === 'fail').map((c) => c.id), ['start', 'timeouts']);
  // The runner's kill grace (SIGTERM, then SIGKILL) comes on top of the timeout.
  assert.match(report.checks.find((c) => c.id === 'start')?.detail ?? '', /^timed out after 500 ms in [\d.]+ m?s$/);
  assert.match(report.checks.find((c) => c.id === 'timeouts')?.detail ?? '', /^start took [\d.]+ m?s of 500 ms$/);
  assert.deepEqual(report.timeouts, { start: 500, stop: 500, status: 500 });
  assert.equal(report.checks.find((c) => c.id === 'stop')?.verdict, 'pass');
});

test('a script that does not exist: a warning from validate (as at start-up), then status cannot tell and nothing runs; a bad --timeout is a usage error', async () => {
  const n = node();
  const r = await ha(['agent', 'test', 'nosuchsvc', '--json', ...dirFlags(n)]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as ConformanceReport;
  assert.match(report.checks[0]?.detail ?? '', /^warning RESOURCE_SCRIPT_MISSING: Cannot locate resource script nosuchsvc: /);
  assert.deepEqual(report.checks.filter((c) => c.verdict === 'fail').map((c) => c.id), ['status-before']);
  assert.match(report.checks[1]?.detail ?? '', /^not-installed: Cannot locate resource script nosuchsvc in \d+ ms$/);
  assert.deepEqual(report.operations.map((o) => o.operation), ['status']);
  assert.match(report.stoppedEarly ?? '', /^status answered neither running nor stopped/);
  const usage = await ha(['agent', 'test', 'goodsvc', '--timeout', 'soon', ...dirFlags(n)]);
  assert.equal(usage.code, 64);
  assert.match(usage.stderr, /^error USAGE: --timeout "soon" is not a duration/);
});
