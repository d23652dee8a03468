import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AgentDriver, e2eSkipReason, type DriverAnswer } from '@heartline/core/testing';
import { apacheDriverPath } from '../src/testing.js';
import { ApacheLab } from './helpers/ApacheLab.js';

// A real apache2 (Debian's package, installed by scripts/install-system-deps.sh), started by the agent
// running inside a network namespace of its own (src/testing/agentDriverProcess.ts), so apache binds
// there; a client namespace fetches its page over a veth pair. Nothing runs in the root namespace,
// every address is in 10.213.0.0/24, and the config, pid file, logs, lock and run dirs are the test's.
const skip =
  e2eSkipReason({ root: true, commands: ['ip', 'curl', 'ss'], files: ['/usr/sbin/apache2', '/usr/lib/apache2/modules/mod_mpm_event.so', '/etc/mime.types'] }) ?? false;
if (skip !== false) console.log(`# agent-apache netns tests skipped: ${skip}`);

const result = (answer: DriverAnswer) => answer.result as { status: string; reason?: string };
const tookMs = (answer: DriverAnswer) => answer.returnedAtMs - answer.calledAtMs;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('agent-apache with a real apache2 in a network namespace', () => {
  const lab = new ApacheLab();
  let driver: AgentDriver;

  /** No apache process left in the namespace and nothing listening on port 80. */
  async function assertNothingLeft(): Promise<void> {
    assert.deepEqual(await lab.apaches(), [], 'no apache process left');
    assert.deepEqual(await lab.listeners(), [], 'port 80 is free');
    assert.equal(await lab.fetch(), undefined, 'nothing answers');
  }

  before(async () => {
    if (skip !== false) return;
    await lab.create();
    driver = new AgentDriver(apacheDriverPath, lab.a, { HL_TIMEOUT_MS: '20000' });
  });

  after(async () => {
    try {
      if (skip === false) {
        await driver?.close();
        await lab.destroy();
      }
    } finally {
      lab.removeFiles();
    }
  });

  test('start: running once apache answers; the page reaches the client namespace; status running; a second start changes nothing', { skip }, async (t) => {
    assert.deepEqual((await driver.ask('validate', lab.resource)).result, []);
    assert.equal(result(await driver.ask('status', lab.resource)).status, 'stopped');
    const start = await driver.ask('start', lab.resource);
    assert.deepEqual(start.result, { status: 'running' }, start.logs.join('\n'));
    assert.ok(start.logs.includes(`info: Running /usr/sbin/apache2 -d ${lab.dir} -f ${lab.dir}/httpd.conf -k start`), start.logs.join('\n'));
    t.diagnostic(`start until HTTP answers: ${tookMs(start).toFixed(1)} ms (${start.logs.at(-1)})`);
    assert.equal(await lab.fetch(), lab.page);
    const main = lab.mainPid();
    assert.ok(main !== undefined && (await lab.apaches()).includes(main), 'the pid file names a live apache of the namespace');
    assert.equal(result(await driver.ask('status', lab.resource)).status, 'running');
    const again = await driver.ask('start', lab.resource);
    assert.deepEqual(again.result, { status: 'running' });
    assert.deepEqual(again.logs, [`info: ${lab.resource} is already running (pid ${main})`]);
    assert.equal(lab.mainPid(), main);
  });

  test('stop: graceful, then the idle rest killed; returns with port 80 free and no apache left; a second stop and status say stopped', { skip }, async (t) => {
    const stop = await driver.ask('stop', lab.resource);
    assert.deepEqual(stop.result, { status: 'stopped' }, stop.logs.join('\n'));
    t.diagnostic(`stop until the port is free: ${tookMs(stop).toFixed(1)} ms`);
    await assertNothingLeft();
    assert.match(lab.errorLog(), /caught SIGWINCH, shutting down gracefully/);
    assert.deepEqual((await driver.ask('stop', lab.resource)).result, { status: 'stopped' });
    assert.equal(result(await driver.ask('status', lab.resource)).status, 'stopped');
  });

  test('five start/stop cycles: timings', { skip }, async (t) => {
    const starts: number[] = [];
    const stops: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = await driver.ask('start', lab.resource);
      assert.deepEqual(start.result, { status: 'running' }, start.logs.join('\n'));
      assert.equal(await lab.fetch(), lab.page);
      starts.push(tookMs(start));
      const stop = await driver.ask('stop', lab.resource);
      assert.deepEqual(stop.result, { status: 'stopped' }, stop.logs.join('\n'));
      assert.deepEqual(await lab.listeners(), []);
      stops.push(tookMs(stop));
    }
    const show = (ms: number[]) => ms.map((m) => m.toFixed(0)).join(', ');
    t.diagnostic(`start → HTTP answers (ms): ${show(starts)}; stop → port free (ms): ${show(stops)}`);
  });

  test('kill -9 of the main process: its children still answer, so status is failed (APACHE_NO_PROCESS); stop kills them', { skip }, async () => {
    assert.deepEqual((await driver.ask('start', lab.resource)).result, { status: 'running' });
    const main = lab.mainPid();
    assert.ok(main !== undefined);
    process.kill(main, 'SIGKILL');
    await sleep(100);
    const status = result(await driver.ask('status', lab.resource));
    assert.equal(status.status, 'failed');
    assert.match(status.reason ?? '', /^APACHE_NO_PROCESS: .* answers \(HTTP 200\) but no apache main process runs: pid \d+ of .* is not running/);
    assert.equal(await lab.fetch(), lab.page, 'the orphaned children serve on');
    const stop = await driver.ask('stop', lab.resource);
    assert.deepEqual(stop.result, { status: 'stopped' }, stop.logs.join('\n'));
    assert.ok(stop.logs.some((l) => /^warn: .*its main process \(pid \d+\) is gone but \d+ of its processes remain/.test(l)), stop.logs.join('\n'));
    await assertNothingLeft();
  });

  test('kill -9 of every apache process: status stopped (the pid file left names a dead process); start runs a fresh apache', { skip }, async () => {
    assert.deepEqual((await driver.ask('start', lab.resource)).result, { status: 'running' });
    const killed = await lab.apaches();
    for (const pid of killed) process.kill(pid, 'SIGKILL');
    await sleep(100);
    assert.deepEqual(await lab.apaches(), []);
    assert.equal(result(await driver.ask('status', lab.resource)).status, 'stopped');
    const start = await driver.ask('start', lab.resource);
    assert.deepEqual(start.result, { status: 'running' }, start.logs.join('\n'));
    assert.ok(!killed.includes(lab.mainPid() ?? -1));
    assert.equal(await lab.fetch(), lab.page);
    assert.deepEqual((await driver.ask('stop', lab.resource)).result, { status: 'stopped' });
    await assertNothingLeft();
  });

  test("a broken config: start failed with apache's own message (result and log), nothing left running", { skip }, async () => {
    const start = await driver.ask('start', lab.broken);
    const answer = result(start);
    assert.equal(answer.status, 'failed');
    const line = readFileSync(`${lab.dir}/broken.conf`, 'utf8').split('\n').indexOf('Bogus directive') + 1;
    assert.match(answer.reason ?? '', new RegExp(`^APACHE_START_FAILED: .*exited 1: AH00526: Syntax error on line ${line} of ${lab.dir}/broken.conf: Invalid command 'Bogus'`));
    assert.ok(start.logs.some((l) => l.startsWith('error: APACHE_START_FAILED') && l.includes("Invalid command 'Bogus'")), start.logs.join('\n'));
    await assertNothingLeft();
    assert.equal(result(await driver.ask('status', lab.broken)).status, 'stopped');
  });
});
