import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haBin, runHa } from '../runHa.js';
import { freeUdpPort } from '../helpers/freeUdpPort.js';
import { waitFor } from '../helpers/waitFor.js';

// One real `ha start` on loopback whose stderr is a file that $JOURNAL_STREAM names, as systemd
// sets it up: its lines come without time and host. SIGHUP reloads it; a second ha start is refused.

describe('ha start: reload on SIGHUP, journald-style stderr, one daemon per run directory', () => {
  let dir: string;
  let cfg: string;
  let child: ChildProcess | undefined;
  let exited: Promise<number | null>;
  let haCf: (keepalive: string, deadtime: string, extra?: string) => string;
  const stderrPath = (): string => join(dir, 'stderr');
  const stderr = (): string => readFileSync(stderrPath(), 'utf8');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-reload-'));
    cfg = join(dir, 'cfg');
    mkdirSync(cfg);
    const port = await freeUdpPort();
    haCf = (keepalive, deadtime, extra = '') =>
      `keepalive ${keepalive}\ndeadtime ${deadtime}\ninitdead 10\nudpport ${port}\nucast lo 127.0.0.1\nauto_failback on\nnode node1\n${extra}`;
    writeFileSync(join(cfg, 'ha.cf'), haCf('200ms', '2'));
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 reload-test-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), '');
    const fd = openSync(stderrPath(), 'w');
    const stat = fstatSync(fd);
    const env: NodeJS.ProcessEnv = { ...process.env, JOURNAL_STREAM: `${stat.dev}:${stat.ino}` };
    delete env['NOTIFY_SOCKET'];
    child = spawn(process.execPath, [haBin, 'start', '--config-dir', cfg, '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', join(dir, 'run')], {
      stdio: ['ignore', 'ignore', fd],
      env,
    });
    closeSync(fd);
    const started = child;
    exited = new Promise((resolve) => started.once('exit', (code) => resolve(code)));
  });

  after(async () => {
    if (child !== undefined && child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const waitForLine = (pattern: RegExp, from = 0): Promise<string> =>
    waitFor(`${pattern} on stderr`, () => stderr().slice(from).split('\n').find((l) => pattern.test(l)));

  it('logs to a journal stream as LEVEL: text behind its priority, without time or host', async () => {
    const line = await waitForLine(/Comm_now_up/);
    assert.equal(line, '<6>info: Comm_now_up(): updating status to active');
    assert.doesNotMatch(stderr(), /heartbeat: \[\d+\]/);
  });

  it('refuses a second ha start on the same run directory, naming the pid', async () => {
    const pidFile = join(dir, 'run', 'heartline.pid');
    assert.equal(readFileSync(pidFile, 'latin1').split('\n')[0], String(child?.pid));
    const second = await runHa(['start', '--config-dir', cfg, '--node-name', 'node1', '--state-dir', join(dir, 'state2'), '--run-dir', join(dir, 'run')]);
    assert.equal(second.code, 69, second.stderr);
    assert.match(second.stderr, new RegExp(`error DAEMON_ALREADY_RUNNING: .* names pid ${child?.pid}, which runs`));
    assert.match(second.stderr, /hint: /);
  });

  it('SIGHUP applies keepalive and deadtime, refuses a new node with its line, and the node stays up', async () => {
    const from = stderr().length;
    writeFileSync(join(cfg, 'ha.cf'), haCf('300ms', '3', 'node node2\n'));
    child?.kill('SIGHUP');
    const summary = await waitForLine(/Reload: applied [a-z, ]+;/, from);
    assert.equal(summary, '<6>info: Reload: applied keepalive, deadtime, warntime; refused node (needs a restart)');
    const lines = stderr().slice(from);
    assert.match(lines, /<6>info: Reload: applied keepalive \(.*ha\.cf:1\): 200 ms -> 300 ms\n/);
    assert.match(lines, /<4>WARN: Reload: refused node \(.*ha\.cf:7\): .*needs a restart: ha stop\/start \(RELOAD_NEEDS_RESTART\)\n/);
    const status = JSON.parse((await runHa(['status', '--json', '--run-dir', join(dir, 'run')])).stdout) as {
      keepaliveMs: number;
      deadtimeMs: number;
      commUp: boolean;
      nodes: Array<{ name: string }>;
    };
    assert.deepEqual([status.keepaliveMs, status.deadtimeMs, status.commUp], [300, 3000, true], stderr());
    assert.deepEqual(status.nodes.map((n) => n.name), ['node1']);
  });

  it('SIGHUP with a broken ha.cf changes nothing and says where the error is', async () => {
    const from = stderr().length;
    writeFileSync(join(cfg, 'ha.cf'), haCf('100ms', '3', 'bogus directive\n'));
    child?.kill('SIGHUP');
    await waitForLine(/Reload refused/, from);
    const lines = stderr().slice(from);
    assert.match(lines, /<3>ERROR: .*ha\.cf:8:1: error CONFIG_UNKNOWN_DIRECTIVE/);
    assert.match(lines, /<3>ERROR: Reload refused: 1 error\(s\) in .*; the running configuration is kept \(RELOAD_CONFIG_INVALID\)/);
    assert.doesNotMatch(lines, /Reload: applied/);
    const status = JSON.parse((await runHa(['status', '--json', '--run-dir', join(dir, 'run')])).stdout) as { keepaliveMs: number };
    assert.equal(status.keepaliveMs, 300);
  });

  it('leaves on SIGTERM and removes its pid file', async () => {
    child?.kill('SIGTERM');
    assert.equal(await exited, 0, stderr().slice(-1500));
    assert.ok(!existsSync(join(dir, 'run', 'heartline.pid')));
  });
});
