import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StructuredLogger, SystemClock, isHaError } from '@heartline/core';
import { MemorySink } from '@heartline/core/testing';
import { ControlServer } from '../../src/daemon/ControlServer.js';
import type { ControlHandler } from '../../src/daemon/control/ControlHandler.js';
import { permissionDenied } from '../../src/daemon/control/permissionDenied.js';
import { queryControl } from '../../src/daemon/queryControl.js';

/** What the daemon's handler does, in miniature: status, and standby that is always accepted. */
const handler: ControlHandler = (request) => {
  if (request['query'] === 'status') return { schema: 1, nodes: [] };
  if (request['query'] === 'standby') return { accepted: true };
  throw new Error(`unknown query ${JSON.stringify(request['query'])}`);
};

/** One raw request line to `path`, and the raw reply line. */
function rawRequest(path: string, line: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${line}\n`));
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) {
        socket.destroy();
        resolve(JSON.parse(text) as Record<string, unknown>);
      }
    });
    socket.on('error', reject);
  });
}

/** The error code `promise` rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isHaError(error) ? error.code : `not an HaError: ${String(error)}`;
  }
  return 'resolved';
}

const mode = (path: string): number => statSync(path).mode & 0o7777;

describe('ControlServer: two sockets, their modes, the versioned protocol (in process, any user)', () => {
  let dir = '';
  const servers: ControlServer[] = [];
  /** A server on `runDir`, logging into a MemorySink. */
  const start = async (runDir: string, groupName: string): Promise<{ server: ControlServer; sink: MemorySink }> => {
    const sink = new MemorySink();
    const server = new ControlServer(runDir, handler, new StructuredLogger([sink], new SystemClock()), groupName);
    servers.push(server);
    await server.listen();
    return { server, sink };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-control-'));
  });

  after(async () => {
    for (const server of servers) await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without the group: both sockets and the run directory are the owner\'s alone, and the log says why', async () => {
    const runDir = join(dir, 'nogroup');
    const { server, sink } = await start(runDir, `hl-nosuch-${process.pid}`);
    assert.equal(mode(runDir), 0o700);
    assert.equal(mode(join(runDir, 'control.sock')), 0o600);
    assert.equal(mode(join(runDir, 'admin.sock')), 0o600);
    assert.deepEqual(readdirSync(runDir).sort(), ['admin.sock', 'control.sock'], 'the staging directory is gone');
    const owner = process.getuid?.() === 0 ? 'root' : `uid ${process.getuid?.()}`;
    assert.deepEqual(sink.messages('info'), [
      `Control socket ${runDir}/control.sock: questions (ha status) from ${owner} only (mode 0600); ${runDir}/admin.sock: changes (ha standby, ha takeover) from ${owner} only (mode 0600)`,
    ]);
    assert.deepEqual(sink.messages('warn'), [
      `Group hl-nosuch-${process.pid} does not exist: ha status is served to ${owner} only. Create the group (groupadd --system hl-nosuch-${process.pid}) and restart Heartline to let its members ask.`,
    ]);
    await server.close();
    assert.deepEqual(readdirSync(runDir), [], 'close removes both sockets');
  });

  it('with a group: control.sock 0660 and the run directory 0750 in that group, admin.sock 0600', async () => {
    const runDir = join(dir, 'group');
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    const gid = process.getgid?.() ?? 0;
    const { sink } = await start(runDir, group);
    assert.deepEqual([mode(runDir), statSync(runDir).gid], [0o750, gid]);
    assert.deepEqual([mode(join(runDir, 'control.sock')), statSync(join(runDir, 'control.sock')).gid], [0o660, gid]);
    assert.equal(mode(join(runDir, 'admin.sock')), 0o600);
    assert.match(sink.messages('info')[0] ?? '', new RegExp(`questions \\(ha status\\) from \\S+( \\d+)? and group ${group} \\(mode 0660\\)`));
    assert.deepEqual(sink.messages('warn'), []);
  });

  it('answers questions on control.sock and changes on admin.sock, and refuses changes on control.sock', async () => {
    const runDir = join(dir, 'group');
    assert.deepEqual(await queryControl(runDir, 'read', { query: 'status' }, 2000), { schema: 1, nodes: [] });
    assert.deepEqual(await queryControl(runDir, 'change', { query: 'standby', resources: 'all' }, 2000), { accepted: true });
    assert.deepEqual(await queryControl(runDir, 'change', { query: 'status' }, 2000), { schema: 1, nodes: [] }, 'admin.sock answers questions too');
    const refused = await rawRequest(join(runDir, 'control.sock'), '{"v":1,"query":"standby","resources":"all"}');
    assert.equal(refused['code'], 'CONTROL_PERMISSION_DENIED');
    assert.equal(await codeOf(queryControl(runDir, 'read', { query: 'standby', resources: 'all' }, 2000)), 'CONTROL_PERMISSION_DENIED');
    assert.equal(await codeOf(queryControl(runDir, 'change', { query: 'bogus' }, 2000)), 'STATUS_BAD_REPLY');
    const old = await rawRequest(join(runDir, 'control.sock'), '{"query":"status"}');
    assert.deepEqual(old, { v: 1, ok: false, code: 'CONTROL_PROTOCOL_VERSION', error: 'this daemon speaks control protocol version 1, not a request without "v"', supported: [1] });
  });

  it('refuses a second server on the same run directory, whose close leaves the first one\'s sockets', async () => {
    const runDir = join(dir, 'group');
    const second = new ControlServer(runDir, handler, new StructuredLogger([new MemorySink()], new SystemClock()));
    await assert.rejects(second.listen(), (error: unknown) => isHaError(error) && error.code === 'DAEMON_ALREADY_RUNNING');
    await second.close();
    assert.ok(existsSync(join(runDir, 'control.sock')) && existsSync(join(runDir, 'admin.sock')));
    assert.deepEqual(await queryControl(runDir, 'read', { query: 'status' }, 2000), { schema: 1, nodes: [] });
  });

  it('leaves a run directory that is not Heartline\'s own as it is, and says so', async () => {
    const runDir = join(dir, 'shared');
    mkdirSync(runDir, { mode: 0o755 });
    writeFileSync(join(runDir, 'someone-elses.pid'), '1\n');
    const { sink } = await start(runDir, `hl-nosuch-${process.pid}`);
    assert.equal(mode(runDir), 0o755);
    assert.equal(mode(join(runDir, 'control.sock')), 0o600);
    assert.match(sink.messages('warn').join('\n'), /Run directory .*\/shared keeps its mode 0755 because it holds files that are not Heartline's \(someone-elses\.pid\): give Heartline a directory of its own/);
  });

  it('takes the stale files of a daemon that died over', async () => {
    const runDir = join(dir, 'stale');
    mkdirSync(runDir);
    // A daemon killed with SIGKILL leaves its socket file behind; close() would unlink it, except
    // under another name than the one it was bound to.
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(join(runDir, 'bound.sock'), resolve));
    renameSync(join(runDir, 'bound.sock'), join(runDir, 'control.sock'));
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    assert.ok(existsSync(join(runDir, 'control.sock')), 'a stale socket file');
    writeFileSync(join(runDir, 'admin.sock'), '');
    mkdirSync(join(runDir, '.control.4194305'));
    writeFileSync(join(runDir, '.control.4194305', 'control.sock'), '');
    await start(runDir, `hl-nosuch-${process.pid}`);
    assert.deepEqual(readdirSync(runDir).sort(), ['admin.sock', 'control.sock'], 'a dead daemon\'s staging directory is removed');
    assert.deepEqual(await queryControl(runDir, 'read', { query: 'status' }, 2000), { schema: 1, nodes: [] });
    assert.equal(mode(join(runDir, 'admin.sock')), 0o600);
  });

  it('tells a client of another protocol version what is wrong', async () => {
    const runDir = join(dir, 'old-daemon');
    mkdirSync(runDir);
    // A daemon from before versions: it answers without "v".
    const old = createServer((socket) => socket.once('data', () => socket.end('{"ok":true,"result":{"schema":1,"nodes":[]}}\n')));
    await new Promise<void>((resolve) => old.listen(join(runDir, 'control.sock'), resolve));
    try {
      await assert.rejects(queryControl(runDir, 'read', { query: 'status' }, 2000), (error: unknown) => {
        assert.ok(isHaError(error));
        assert.equal(error.code, 'CONTROL_PROTOCOL_VERSION');
        assert.equal(error.exitCode, 76);
        assert.match(error.message, /answers in control protocol no version \(a daemon older than this ha\); this ha speaks version 1/);
        return true;
      });
    } finally {
      await new Promise<void>((resolve) => old.close(() => resolve()));
    }
  });

  it('words a refusal by the kernel with the user, the socket and the fix for that socket', () => {
    const read = permissionDenied('/run/heartline/control.sock', 'read');
    assert.equal(read.code, 'CONTROL_PERMISSION_DENIED');
    assert.equal(read.exitCode, 77);
    assert.match(read.message, /^user \S+ \(uid \d+\) may not open \/run\/heartline\/control\.sock: permission denied$/);
    assert.match(read.hint, /^Ask as root, or as a member of group haclient: usermod -aG haclient \S+, then log in again\./);
    const change = permissionDenied('/run/heartline/admin.sock', 'change');
    assert.match(change.hint, /^Run it as root \(sudo\): commands that change the cluster are served to root only, on \/run\/heartline\/admin\.sock/);
  });
});
