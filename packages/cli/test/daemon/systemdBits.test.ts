import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, fstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogRecord } from '@heartline/core';
import { StderrSink } from '../../src/daemon/StderrSink.js';
import { stderrIsJournal } from '../../src/daemon/stderrIsJournal.js';
import { SwappableSinks } from '../../src/daemon/SwappableSinks.js';
import { SystemdNotifier } from '../../src/daemon/SystemdNotifier.js';
import { unitWithExecStart } from '../../src/commands/systemd/unitWithExecStart.js';

const record = (level: LogRecord['level'], message: string): LogRecord => ({ level, message, time: new Date(Date.UTC(2026, 0, 5, 7, 8, 9)), fields: {} });
const line = { syslogFormat: true, hostname: 'node1', entity: 'heartbeat', pid: 42, utc: true };

describe('StderrSink', () => {
  it('prints heartbeat lines with time and host in a terminal', () => {
    const out: string[] = [];
    const sink = new StderrSink(line, false, (t) => out.push(t));
    sink.write(record('warn', 'node node2: is dead'));
    sink.write(record('debug', 'hidden without debug'));
    assert.deepEqual(out, ['Jan 05 07:08:09 node1 heartbeat: [42]: WARN: node node2: is dead\n']);
  });

  it('under journald, drops its own time and host and gives each line its priority', () => {
    const out: string[] = [];
    const sink = new StderrSink(line, true, (t) => out.push(t), true);
    sink.write(record('info', 'Comm_now_up(): updating status to active'));
    sink.write(record('warn', 'node node2: is dead'));
    sink.write(record('crit', 'Late heartbeat'));
    sink.write(record('debug', 'two\nlines'));
    assert.deepEqual(out, [
      '<6>info: Comm_now_up(): updating status to active\n',
      '<4>WARN: node node2: is dead\n',
      '<2>CRIT: Late heartbeat\n',
      '<7>debug: two lines\n',
    ]);
  });
});

describe('stderrIsJournal ($JOURNAL_STREAM)', () => {
  it('is true only while the fd is the very stream $JOURNAL_STREAM names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-journal-'));
    const fd = openSync(join(dir, 'stream'), 'w');
    const other = openSync(join(dir, 'other'), 'w');
    try {
      const stat = fstatSync(fd);
      const env = { JOURNAL_STREAM: `${stat.dev}:${stat.ino}` };
      assert.equal(stderrIsJournal(env, fd), true);
      assert.equal(stderrIsJournal(env, other), false, 'stderr redirected elsewhere');
      assert.equal(stderrIsJournal({}, fd), false);
      assert.equal(stderrIsJournal({ JOURNAL_STREAM: '' }, fd), false);
    } finally {
      closeSync(fd);
      closeSync(other);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SwappableSinks', () => {
  it('sends to the new sinks from the swap on and closes the old ones', async () => {
    const seen: string[] = [];
    let closed = 0;
    const sink = (name: string) => ({
      write: (r: LogRecord) => seen.push(`${name}:${r.message}`),
      close: () => {
        closed++;
        return Promise.resolve();
      },
    });
    const sinks = new SwappableSinks([sink('old')]);
    sinks.write(record('info', 'one'));
    await sinks.replace([sink('new'), sink('syslog')]);
    sinks.write(record('info', 'two'));
    assert.deepEqual(seen, ['old:one', 'new:two', 'syslog:two']);
    assert.equal(closed, 1);
    await sinks.close();
    assert.equal(closed, 3);
  });
});

describe('SystemdNotifier', () => {
  it('does nothing without $NOTIFY_SOCKET', async () => {
    const calls: string[][] = [];
    const notifier = new SystemdNotifier({}, 7, (file, args) => {
      calls.push([file, ...args]);
      return Promise.resolve(undefined);
    });
    assert.equal(notifier.enabled, false);
    assert.equal(await notifier.ready(), undefined);
    assert.deepEqual(calls, []);
  });

  it('runs systemd-notify for the daemon pid, READY=1 then STOPPING=1', async () => {
    const calls: Array<[string, string[], string | undefined]> = [];
    const notifier = new SystemdNotifier({ NOTIFY_SOCKET: '/run/systemd/notify' }, 4242, (file, args, env) => {
      calls.push([file, [...args], env['NOTIFY_SOCKET']]);
      return Promise.resolve(undefined);
    });
    assert.equal(await notifier.ready(), undefined);
    assert.equal(await notifier.stopping(), undefined);
    assert.deepEqual(calls, [
      ['systemd-notify', ['--pid=4242', '--ready'], '/run/systemd/notify'],
      ['systemd-notify', ['--pid=4242', 'STOPPING=1'], '/run/systemd/notify'],
    ]);
  });

  it('turns a failure into SYSTEMD_NOTIFY_FAILED, never a rejection', async () => {
    const notifier = new SystemdNotifier({ NOTIFY_SOCKET: '/nonexistent/notify' }, 1, undefined, '/nonexistent/systemd-notify');
    const problem = await notifier.ready();
    assert.equal(problem?.code, 'SYSTEMD_NOTIFY_FAILED');
    assert.match(problem?.message ?? '', /READY=1.*\/nonexistent\/systemd-notify/);
  });
});

describe('unitWithExecStart', () => {
  it('replaces ExecStart, quoting words systemd would split or expand', () => {
    const unit = '[Service]\nType=notify\nExecStart=/usr/local/bin/ha start\nExecReload=/bin/kill -HUP $MAINPID\n';
    const out = unitWithExecStart(unit, ['/opt/node 20/bin/node', '/srv/ha.js', 'start', '--config-dir', '/etc/ha%d/$X']);
    assert.equal(
      out,
      '[Service]\nType=notify\nExecStart="/opt/node 20/bin/node" /srv/ha.js start --config-dir /etc/ha%%d/$$X\nExecReload=/bin/kill -HUP $MAINPID\n',
    );
    assert.throws(() => unitWithExecStart('[Service]\n', ['x']), /no ExecStart/);
  });
});
