import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haBin, runHa } from '../runHa.js';
import { freeUdpPort } from '../helpers/freeUdpPort.js';
import { waitFor } from '../helpers/waitFor.js';

interface Running {
  readonly child: ChildProcess;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function startDaemon(dir: string, extra: string[] = []): Running {
  const child = spawn(
    process.execPath,
    [haBin, 'start', '--config-dir', join(dir, 'cfg'), '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', join(dir, 'run'), ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const running: Running = {
    child,
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    running.stderr += chunk;
  });
  return running;
}

describe('ha start / ha status (a real daemon process on loopback)', () => {
  let dir: string;
  let daemon: Running | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-daemon-'));
    const port = await freeUdpPort();
    const cfg = join(dir, 'cfg');
    // ucast to our own address sends nothing (as in heartbeat): node2 is never heard and is
    // declared dead at initdead, after which node1 goes active alone.
    mkdirSync(cfg, { recursive: true });
    writeFileSync(join(cfg, 'ha.cf'), `keepalive 200ms\ndeadtime 1\ninitdead 2\nudpport ${port}\nucast lo 127.0.0.1\nauto_failback on\nnode node1\nnode node2\n`);
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 daemon-test-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), '');
  });

  after(async () => {
    if (daemon !== undefined && daemon.child.exitCode === null) {
      daemon.child.kill('SIGKILL');
      await daemon.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the node, answers ha status, refuses a second daemon, and leaves cleanly on SIGTERM', async () => {
    daemon = startDaemon(dir);
    const runDir = join(dir, 'run');
    const status = await waitFor('node1 active', async () => {
      const r = await runHa(['status', '--json', '--run-dir', runDir]);
      if (r.code !== 0) return undefined;
      const s = JSON.parse(r.stdout) as { localStatus: string };
      return s.localStatus === 'active' ? (s as Record<string, unknown>) : undefined;
    });
    assert.equal(status['schema'], 1);
    assert.equal(status['localNode'], 'node1');
    assert.equal(status['commUp'], true);
    const generation = Number(readFileSync(join(dir, 'state', 'hb_generation'), 'latin1'));
    assert.equal(status['generation'], generation);
    assert.deepEqual(
      (status['nodes'] as Array<{ name: string; status: string; links: unknown[] }>).map((n) => [n.name, n.status, n.links]),
      [
        ['node1', 'active', [{ name: 'lo', status: 'dead' }]],
        ['node2', 'dead', [{ name: 'lo', status: 'dead' }]],
      ],
    );
    const media = status['media'] as Array<{ id: string; linkName: string; wireFormat: string }>;
    assert.deepEqual(media.map((m) => [m.linkName, m.wireFormat]), [['lo', 'netstring']]);
    assert.match(media[0]?.id ?? '', /^ucast lo 127\.0\.0\.1/);

    const human = await runHa(['status', '--run-dir', runDir]);
    assert.equal(human.code, 0);
    assert.match(human.stdout, /node node1, status active/);
    assert.match(human.stdout, /\nnode2\tdead\t\(nodetype: normal\)\n\tlo\tdead\n/);

    const cases: Array<[string[], number, string]> = [
      [['status', 'nodestatus', 'node1'], 0, 'active\n'],
      [['status', 'nodestatus', 'node2'], 1, 'dead\n'],
      [['status', 'hblinkstatus', 'node2', 'lo'], 1, 'dead\n'],
      [['status', 'nodestatus', 'node9'], 11, ''],
      [['status', 'hblinkstatus', 'node2', 'eth7'], 13, ''],
    ];
    for (const [args, code, stdout] of cases) {
      const r = await runHa([...args, '--run-dir', runDir]);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, stdout, args.join(' '));
    }

    const second = await runHa(['start', '--config-dir', join(dir, 'cfg'), '--node-name', 'node1', '--state-dir', join(dir, 'state2'), '--run-dir', runDir]);
    assert.equal(second.code, 69, second.stderr);
    assert.match(second.stderr, /DAEMON_ALREADY_RUNNING/);

    daemon.child.kill('SIGTERM');
    assert.equal(await daemon.exited, 0, daemon.stderr);
    assert.match(daemon.stderr, /heartbeat: \[\d+\]: info: Heartbeat shutdown in progress\./);
    assert.match(daemon.stderr, /info: node1 Heartbeat shutdown complete\.\n/);
    assert.ok(!existsSync(join(runDir, 'control.sock')), 'the control socket is removed');
    const after = await runHa(['status', '--run-dir', runDir]);
    assert.equal(after.code, 1);
    assert.match(after.stderr, /STATUS_NOT_RUNNING/);

    // A restart takes the next generation.
    daemon = startDaemon(dir);
    await waitFor('restart', async () => ((await runHa(['status', '--json', '--run-dir', runDir])).code === 0 ? true : undefined));
    const again = JSON.parse((await runHa(['status', '--json', '--run-dir', runDir])).stdout) as { generation: number };
    assert.equal(again.generation, generation + 1);
    daemon.child.kill('SIGINT');
    assert.equal(await daemon.exited, 0);
  });

  it('refuses to start with a broken configuration or a node ha.cf does not list', async () => {
    const bad = await runHa(['start', '--config-dir', join(dir, 'cfg'), '--node-name', 'node7', '--state-dir', join(dir, 's'), '--run-dir', join(dir, 'r7')]);
    assert.equal(bad.code, 78, bad.stderr);
    assert.match(bad.stderr, /MEMBERSHIP_LOCAL_NODE_NOT_CONFIGURED/);
    const broken = mkdtempSync(join(tmpdir(), 'hl-broken-'));
    try {
      writeFileSync(join(broken, 'ha.cf'), 'keepalive 1\nbogus directive\nnode node1\n');
      const r = await runHa(['start', '--config-dir', broken, '--node-name', 'node1', '--state-dir', join(broken, 's'), '--run-dir', join(broken, 'r')]);
      assert.equal(r.code, 78, r.stderr);
      assert.match(r.stderr, /ha\.cf:2:1: error CONFIG_UNKNOWN_DIRECTIVE/);
      assert.match(r.stderr, /error DAEMON_CONFIG_INVALID/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
