import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { createLogSinks } from '../../src/log/createLogSinks.js';
import { HeartbeatFileSink } from '../../src/log/HeartbeatFileSink.js';
import type { LoggerProcess } from '../../src/log/LoggerProcess.js';
import { spawnLoggerProcess } from '../../src/log/spawnLoggerProcess.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { SyslogSink } from '../../src/log/SyslogSink.js';
import { ManualClock } from '../../src/time/ManualClock.js';

const dir = mkdtempSync(join(tmpdir(), 'heartline-sinks-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const config = (extra: string) => parseHaCf(`bcast eth0\nnode a\nauto_failback on\n${extra}`, 'ha.cf').config;
const kinds = (sinks: readonly object[]) => sinks.map((s) => s.constructor.name);

test('logfile, debugfile and logfacility each give a sink; /dev/null gives none', () => {
  const clock = new ManualClock();
  assert.deepEqual(kinds(createLogSinks(config('logfile /x/ha-log\ndebugfile /x/ha-debug\nlogfacility local0\n'), { clock })), [
    'HeartbeatFileSink',
    'HeartbeatFileSink',
    'SyslogSink',
  ]);
  assert.deepEqual(kinds(createLogSinks(config('logfacility local0\n'), { clock })), ['SyslogSink'], 'files default to /dev/null');
  assert.deepEqual(kinds(createLogSinks(config('logfile /x/ha-log\n'), { clock })), ['HeartbeatFileSink']);
});

test('no log target at all: syslog facility daemon, where ha_logd would have logged', () => {
  const args: Array<readonly string[]> = [];
  const lines: string[] = [];
  const spawnLogger = (a: readonly string[]): LoggerProcess => {
    args.push(a);
    return { write: (l) => lines.push(l), end: () => undefined, onExit: () => undefined };
  };
  const sinks = createLogSinks(config(''), { clock: new ManualClock(), spawnLogger, pid: 9, entity: 'heartbeat' });
  assert.deepEqual(kinds(sinks), ['SyslogSink']);
  sinks[0]?.write({ level: 'info', message: 'hello', time: new Date(0), fields: {} });
  assert.deepEqual(args, [['--prio-prefix', '-t', 'heartbeat']]);
  assert.deepEqual(lines, ['<30>[9]: info: hello\n']);
});

test('syslogmsgfmt off reaches the file format; a failing sink warns in the others', () => {
  const clock = new ManualClock(0, Date.UTC(2026, 10, 25, 23, 55, 19));
  const good = join(dir, 'ha-debug');
  const problems: string[] = [];
  const sinks = createLogSinks(config(`logfile ${join(dir, 'missing', 'ha-log')}\ndebugfile ${good}\nsyslogmsgfmt off\n`), {
    clock,
    pid: 17,
    utc: true,
    onProblem: (m) => problems.push(m),
  });
  new StructuredLogger(sinks, clock).info('Configuration validated. Starting heartbeat 3.0.6');
  const text = readFileSync(good, 'utf8');
  assert.equal(problems.length, 1);
  // The logfile sink fails first (it comes first), so its warning precedes the record in ha-debug.
  assert.deepEqual(text.split('\n'), [
    `heartbeat[17]: 2026/11/25_23:55:19 WARN: ${problems[0] ?? ''}`,
    'heartbeat[17]: 2026/11/25_23:55:19 info: Configuration validated. Starting heartbeat 3.0.6',
    '',
  ]);
  assert.ok(sinks[0] instanceof HeartbeatFileSink);
});

test('the real spawner says when logger is not installed', async () => {
  const saved = process.env['PATH'];
  process.env['PATH'] = join(dir, 'empty-path');
  try {
    const child = spawnLoggerProcess(['-t', 'x']);
    const reason = await new Promise<string>((resolve) => child.onExit(resolve));
    assert.equal(reason, 'the logger command (util-linux) is not installed');
    child.write('ignored after exit\n');
  } finally {
    process.env['PATH'] = saved;
  }
  assert.ok(new SyslogSink({ facility: 'daemon', tag: 't', pid: 1, clock: new ManualClock() }));
});
