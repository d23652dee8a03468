import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StructuredLogger, SystemClock } from '@heartline/core';
import { e2eSkipReason, MemorySink } from '@heartline/core/testing';
import { ControlServer } from '../../src/daemon/ControlServer.js';
import { haBin, type HaRun } from '../runHa.js';
import { freeUdpPort } from '../helpers/freeUdpPort.js';

// Who may use the control sockets, with real users: a daemon runs as root on loopback, and `ha` runs
// as root, as a member of haclient and as a user outside it (created here, removed after).
const skip = skipReason();

/** Root is needed to create users, not for namespaces: e2eSkipReason's own wording would mislead. */
function skipReason(): string | undefined {
  if (process.getuid?.() === 0) return e2eSkipReason({ root: false, commands: ['useradd', 'userdel', 'groupadd', 'groupdel', 'runuser', 'getent'] });
  if (process.env['HEARTLINE_REQUIRE_E2E'] === '1') throw new Error('HEARTLINE_REQUIRE_E2E=1 but this test needs root: it creates users and groups');
  return 'needs root (it creates users and groups to run ha as)';
}

const prefix = `hlt-ca-${process.pid}`;
const outsider = `${prefix}-out`;
const member = `${prefix}-in`;
/** The test users' primary group, so that neither is in a group that matters. */
const testGroup = prefix;

/** Runs a system command; throws with its output when it fails. */
function sh(command: string, ...args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function groupExists(name: string): boolean {
  try {
    sh('getent', 'group', name);
    return true;
  } catch {
    return false;
  }
}

/** Accounts a run of this test that was killed left behind (their pid no longer runs). */
function sweepStaleAccounts(): void {
  const stale = (text: string, pattern: RegExp): string[] =>
    text
      .split('\n')
      .map((line) => line.split(':')[0] ?? '')
      .filter((name) => {
        const pid = pattern.exec(name)?.[1];
        if (pid === undefined) return false;
        try {
          process.kill(Number(pid), 0);
          return false;
        } catch {
          return true;
        }
      });
  for (const user of stale(readFileSync('/etc/passwd', 'utf8'), /^hlt-ca-(\d+)-(?:in|out)$/)) sh('userdel', user);
  for (const group of stale(readFileSync('/etc/group', 'utf8'), /^hlt-ca-(\d+)$/)) sh('groupdel', group);
}

/** The real `ha`, as `user` (runuser) or as root; `oclif` sends `ha status` through oclif rather than the fast path. */
function ha(user: string | undefined, args: readonly string[], options: { oclif?: boolean } = {}): Promise<HaRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['HEARTLINE_NO_FAST_STATUS'];
  if (options.oclif === true) env['HEARTLINE_NO_FAST_STATUS'] = '1';
  const [command, commandArgs] =
    user === undefined ? [process.execPath, [haBin, ...args]] : ['runuser', ['-u', user, '--', process.execPath, haBin, ...args]];
  return new Promise((resolve) => {
    execFile(command, commandArgs, { env, cwd: '/', timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/** One raw request line to a socket, as `user`: the reply line, or the connect error's code. */
function rawAs(user: string, path: string, request: object): Promise<string> {
  const script = `const s=require('net').createConnection(process.argv[1]);s.setEncoding('utf8');
s.on('connect',()=>s.write(process.argv[2]+'\\n'));s.on('data',(d)=>{process.stdout.write(d);s.destroy();});
s.on('error',(e)=>{process.stdout.write('connect error '+e.code);});`;
  return new Promise((resolve) => {
    execFile('runuser', ['-u', user, '--', process.execPath, '-e', script, path, JSON.stringify(request)], { cwd: '/', timeout: 10_000 }, (_error, stdout) =>
      resolve(stdout.trim()),
    );
  });
}

describe('control socket access with real users: root, a member of haclient, an outsider', { skip }, () => {
  let dir = '';
  let runDir = '';
  let daemon: { child: ChildProcess; exited: Promise<number | null>; stderr: string } | undefined;
  const cleanups: Array<() => void> = [];

  before(async () => {
    sweepStaleAccounts();
    if (!groupExists('haclient')) {
      sh('groupadd', '--system', 'haclient');
      cleanups.push(() => sh('groupdel', 'haclient'));
    }
    sh('groupadd', testGroup);
    cleanups.push(() => sh('groupdel', testGroup));
    sh('useradd', '-M', '-N', '-g', testGroup, '-s', '/usr/sbin/nologin', outsider);
    cleanups.push(() => sh('userdel', outsider));
    sh('useradd', '-M', '-N', '-g', testGroup, '-G', 'haclient', '-s', '/usr/sbin/nologin', member);
    cleanups.push(() => sh('userdel', member));
    const readable = await ha(outsider, ['--version']);
    assert.equal(readable.code, 0, `the test users must be able to run ${haBin} (a checkout every user may read): ${readable.stderr}`);

    // The users must reach the run directory: the temporary directory is traversable, not listable.
    dir = mkdtempSync(join(tmpdir(), 'hl-control-access-'));
    chmodSync(dir, 0o711);
    runDir = join(dir, 'run');
    const cfg = join(dir, 'cfg');
    mkdirSync(cfg, { recursive: true });
    const port = await freeUdpPort();
    // ucast to our own address sends nothing: node2 is never heard, node1 goes active alone.
    writeFileSync(join(cfg, 'ha.cf'), `keepalive 200ms\ndeadtime 1\ninitdead 2\nudpport ${port}\nucast lo 127.0.0.1\nauto_failback on\nnode node1\nnode node2\n`);
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 control-access-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), '');
    const child = spawn(
      process.execPath,
      [haBin, 'start', '--config-dir', cfg, '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', runDir],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const running = { child, exited: new Promise<number | null>((resolve) => child.once('exit', resolve)), stderr: '' };
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (running.stderr += chunk));
    daemon = running;
    const deadline = performance.now() + 20_000;
    for (;;) {
      const r = await ha(undefined, ['status', '--json', '--run-dir', runDir]);
      if (r.code === 0 && (JSON.parse(r.stdout) as { localStatus: string }).localStatus === 'active') break;
      if (performance.now() > deadline || child.exitCode !== null) throw new Error(`node1 never went active: ${r.stderr}\n${running.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    if (daemon !== undefined && daemon.child.exitCode === null && daemon.child.signalCode === null) {
      daemon.child.kill('SIGTERM');
      const killer = setTimeout(() => daemon?.child.kill('SIGKILL'), 15_000);
      await daemon.exited;
      clearTimeout(killer);
    }
    const problems: string[] = [];
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, [], 'cleanup');
  });

  it('gives the run directory and the sockets their owners and modes, and logs who may do what', () => {
    const haclient = Number(sh('getent', 'group', 'haclient').split(':')[2]);
    const of = (path: string) => {
      const s = statSync(path);
      return [s.uid, s.gid, s.mode & 0o7777];
    };
    assert.deepEqual(of(runDir), [0, haclient, 0o750]);
    assert.deepEqual(of(join(runDir, 'control.sock')), [0, haclient, 0o660]);
    assert.deepEqual(of(join(runDir, 'admin.sock')), [0, 0, 0o600]);
    assert.match(
      daemon?.stderr ?? '',
      /info: Control socket \S+\/run\/control\.sock: questions \(ha status\) from root and group haclient \(mode 0660\); \S+\/run\/admin\.sock: changes \(ha standby, ha takeover\) from root only \(mode 0600\)\n/,
    );
  });

  it('refuses a user outside haclient everything, on both paths of ha status, with the user, the socket and a hint', async () => {
    const readDenied = new RegExp(
      `^error CONTROL_PERMISSION_DENIED: user ${outsider} \\(uid \\d+\\) may not open ${runDir}/control\\.sock: permission denied\\n` +
        ` {4}hint: Ask as root, or as a member of group haclient: usermod -aG haclient ${outsider}, then log in again\\. .*\\n` +
        ` {4}see: docs/errors\\.md#control_permission_denied\\n$`,
    );
    for (const args of [['status'], ['status', '--json'], ['status', 'hbstatus'], ['status', 'nodestatus', 'node1']]) {
      for (const oclif of [false, true]) {
        const r = await ha(outsider, [...args, '--run-dir', runDir], { oclif });
        assert.equal(r.code, 77, `${args.join(' ')} (oclif ${oclif}): ${r.stderr}`);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, readDenied, `${args.join(' ')} (oclif ${oclif})`);
      }
    }
    for (const command of ['standby', 'takeover']) {
      const r = await ha(outsider, [command, '--run-dir', runDir]);
      assert.equal(r.code, 77, `${command}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^error CONTROL_PERMISSION_DENIED: user ${outsider} \\(uid \\d+\\) may not open ${runDir}/admin\\.sock: permission denied\\n {4}hint: Run it as root \\(sudo\\)`));
    }
    assert.equal(await rawAs(outsider, join(runDir, 'control.sock'), { v: 1, query: 'status' }), 'connect error EACCES');
  });

  it('answers a member of haclient every question and refuses it standby and takeover', async () => {
    const rd = ['--run-dir', runDir];
    for (const oclif of [false, true]) {
      const status = await ha(member, ['status', ...rd], { oclif });
      assert.equal(status.code, 0, status.stderr);
      assert.match(status.stdout, /is running on this machine: node node1, status active/);
    }
    const json = await ha(member, ['status', '--json', ...rd]);
    assert.equal(json.code, 0, json.stderr);
    assert.equal((JSON.parse(json.stdout) as { localNode: string }).localNode, 'node1');
    assert.deepEqual(await ha(member, ['status', 'nodestatus', 'node1', ...rd]), { code: 0, stdout: 'active\n', stderr: '' });
    assert.deepEqual(await ha(member, ['status', 'hbstatus', ...rd]), { code: 0, stdout: 'Heartline is running on this machine.\n', stderr: '' });
    for (const command of ['standby', 'takeover']) {
      const r = await ha(member, [command, 'all', ...rd]);
      assert.equal(r.code, 77, `${command}: ${r.stderr}`);
      assert.match(
        r.stderr,
        new RegExp(
          `^error CONTROL_PERMISSION_DENIED: user ${member} \\(uid \\d+\\) may not open ${runDir}/admin\\.sock: permission denied\\n` +
            ` {4}hint: Run it as root \\(sudo\\): commands that change the cluster are served to root only, on ${runDir}/admin\\.sock; members of haclient may only ask \\(ha status\\)\\.\\n`,
        ),
      );
    }
    // A hand-made client gets no further: the kernel keeps it off admin.sock, the daemon refuses changes on control.sock.
    assert.equal(await rawAs(member, join(runDir, 'admin.sock'), { v: 1, query: 'standby', resources: 'all' }), 'connect error EACCES');
    const reply = JSON.parse(await rawAs(member, join(runDir, 'control.sock'), { v: 1, query: 'standby', resources: 'all' })) as Record<string, unknown>;
    assert.equal(reply['code'], 'CONTROL_PERMISSION_DENIED');
    assert.equal(reply['ok'], false);
  });

  it('lets root ask and change: standby reaches the node, which judges it', async () => {
    const status = await ha(undefined, ['status', '--run-dir', runDir]);
    assert.equal(status.code, 0, status.stderr);
    for (const command of ['standby', 'takeover']) {
      const r = await ha(undefined, [command, 'all', '--run-dir', runDir]);
      // node2 was never heard: the node refuses as heartbeat does (STANDBY_REFUSED), which only a request that got through can be.
      assert.equal(r.code, 69, `${command}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^error STANDBY_REFUSED: ${command} \\[all\\] refused: `));
    }
  });

  it('serves root only when the group does not exist, whoever else asks', async () => {
    const fallbackDir = join(dir, 'fallback');
    const sink = new MemorySink();
    const handler = () => ({ schema: 1, nodes: [] });
    const server = new ControlServer(fallbackDir, handler, new StructuredLogger([sink], new SystemClock()), `${prefix}-nosuch`);
    await server.listen();
    try {
      assert.match(sink.messages('warn').join('\n'), new RegExp(`^Group ${prefix}-nosuch does not exist: ha status is served to root only\\.`));
      assert.equal(statSync(fallbackDir).mode & 0o7777, 0o700);
      for (const user of [member, outsider]) {
        const r = await ha(user, ['status', 'hbstatus', '--run-dir', fallbackDir]);
        assert.equal(r.code, 77, `${user}: ${r.stderr}`);
        assert.match(r.stderr, /^error CONTROL_PERMISSION_DENIED: /);
      }
      assert.deepEqual(await ha(undefined, ['status', 'hbstatus', '--run-dir', fallbackDir]), {
        code: 0,
        stdout: 'Heartline is running on this machine.\n',
        stderr: '',
      });
    } finally {
      await server.close();
    }
  });
});
