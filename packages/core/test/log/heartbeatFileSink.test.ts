import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHeartbeatLine } from '../../src/log/formatHeartbeatLine.js';
import { HeartbeatFileSink } from '../../src/log/HeartbeatFileSink.js';
import type { LogRecord } from '../../src/log/Logger.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { ManualClock } from '../../src/time/ManualClock.js';

const dir = mkdtempSync(join(tmpdir(), 'heartline-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The capture 01-startup-join-sha1 of heartbeat 3.0.6 started node1 at 1795650919.858 (UTC).
const START = 1795650919858;
const lineOptions = { syslogFormat: true, hostname: 'node1', entity: 'heartbeat', pid: 17, utc: true };
const record = (level: LogRecord['level'], message: string, time = new Date(START)): LogRecord => ({ level, message, time, fields: {} });

test('syslogmsgfmt on: the line heartbeat 3.0.6 wrote to ha-log', () => {
  assert.equal(
    formatHeartbeatLine(record('warn', 'No Previous generation - starting at 1795650920'), lineOptions),
    'Nov 25 23:55:19 node1 heartbeat: [17]: WARN: No Previous generation - starting at 1795650920',
  );
  assert.equal(formatHeartbeatLine(record('info', 'Link node1:hbleth0 up.'), lineOptions), 'Nov 25 23:55:19 node1 heartbeat: [17]: info: Link node1:hbleth0 up.');
});

test('syslogmsgfmt off: heartbeat[PID]: YYYY/MM/DD_HH:MM:SS level: text, and the day is zero-padded in both', () => {
  const early = new Date(Date.UTC(2026, 2, 5, 4, 3, 2));
  assert.equal(formatHeartbeatLine(record('error', 'x', early), { ...lineOptions, syslogFormat: false }), 'heartbeat[17]: 2026/03/05_04:03:02 ERROR: x');
  assert.equal(formatHeartbeatLine(record('crit', 'y', early), lineOptions), 'Mar 05 04:03:02 node1 heartbeat: [17]: CRIT: y');
  assert.equal(formatHeartbeatLine(record('debug', 'z', early), lineOptions), 'Mar 05 04:03:02 node1 heartbeat: [17]: debug: z');
});

test('local time is the default, as heartbeat prints it', () => {
  const saved = process.env['TZ'];
  try {
    process.env['TZ'] = 'Asia/Kolkata'; // +05:30, no daylight saving
    const line = formatHeartbeatLine(record('info', 'x'), { ...lineOptions, utc: false, syslogFormat: false });
    assert.equal(line, 'heartbeat[17]: 2026/11/26_05:25:19 info: x');
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
});

test('logfile takes info and above, debugfile everything, both appended to', () => {
  const clock = new ManualClock(0, START);
  const logfile = join(dir, 'ha-log');
  const debugfile = join(dir, 'ha-debug');
  writeFileSync(logfile, 'older line\n');
  const logger = new StructuredLogger(
    [
      new HeartbeatFileSink({ path: logfile, minLevel: 'info', line: lineOptions, clock }),
      new HeartbeatFileSink({ path: debugfile, minLevel: 'debug', line: lineOptions, clock }),
    ],
    clock,
  ).child({ node: 'node1' });
  logger.debug('glib: sent');
  clock.advance(4200);
  logger.info('Status update for node node2: status up');
  logger.warn('node node2: is dead');
  assert.equal(
    readFileSync(logfile, 'utf8'),
    'older line\nNov 25 23:55:24 node1 heartbeat: [17]: info: Status update for node node2: status up\nNov 25 23:55:24 node1 heartbeat: [17]: WARN: node node2: is dead\n',
  );
  assert.deepEqual(
    readFileSync(debugfile, 'utf8').split('\n').map((l) => l.slice(39)),
    ['debug: glib: sent', 'info: Status update for node node2: status up', 'WARN: node node2: is dead', ''],
  );
});

test('a failing file never throws, is reported once, and recovers when it can be written again', () => {
  const clock = new ManualClock(0, START);
  const problems: string[] = [];
  const path = join(dir, 'later', 'ha-log');
  const sink = new HeartbeatFileSink({ path, minLevel: 'info', line: lineOptions, clock, onProblem: (m) => problems.push(m) });
  sink.write(record('info', 'lost 1'));
  sink.write(record('info', 'lost 2'));
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /cannot write log file .*later\/ha-log: ENOENT/);
  mkdirSync(join(dir, 'later'));
  sink.write(record('info', 'kept'));
  assert.match(readFileSync(path, 'utf8'), /^Nov 25 23:55:19 node1 heartbeat: \[17\]: info: kept\n$/);
});

test('after logrotate moves the file, the sink reopens it within a minute', async () => {
  const clock = new ManualClock(0, START);
  const path = join(dir, 'rotated');
  const sink = new HeartbeatFileSink({ path, minLevel: 'info', line: lineOptions, clock });
  sink.write(record('info', 'one'));
  renameSync(path, `${path}.1`);
  sink.write(record('info', 'two'));
  clock.advance(60_000);
  sink.write(record('info', 'three'));
  await sink.close();
  assert.deepEqual(readFileSync(`${path}.1`, 'utf8').match(/info: \w+/g), ['info: one', 'info: two']);
  assert.deepEqual(readFileSync(path, 'utf8').match(/info: \w+/g), ['info: three']);
});
