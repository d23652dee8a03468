import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LogRecord } from '../../src/log/Logger.js';
import type { LoggerProcess } from '../../src/log/LoggerProcess.js';
import { SyslogSink } from '../../src/log/SyslogSink.js';
import { e2eSkipReason } from '../../src/testing/e2eGate.js';
import { ManualClock } from '../../src/time/ManualClock.js';

const record = (level: LogRecord['level'], message: string): LogRecord => ({ level, message, time: new Date(0), fields: {} });

class FakeLogger implements LoggerProcess {
  readonly lines: string[] = [];
  ended = false;
  private exit: ((reason: string) => void) | undefined;
  write(line: string): void {
    this.lines.push(line);
  }
  end(): void {
    this.ended = true;
    this.exit?.('logger exited (code 0)');
  }
  onExit(listener: (reason: string) => void): void {
    this.exit = listener;
  }
  die(reason: string): void {
    this.exit?.(reason);
  }
}

function fakeSpawner() {
  const children: FakeLogger[] = [];
  const args: Array<readonly string[]> = [];
  return {
    children,
    args,
    spawn: (a: readonly string[]) => {
      args.push(a);
      const child = new FakeLogger();
      children.push(child);
      return child;
    },
  };
}

test('one long-lived logger child gets <PRI>[pid]: LEVEL: text lines for the facility', () => {
  const fake = fakeSpawner();
  const sink = new SyslogSink({ facility: 'local0', tag: 'heartbeat', pid: 17, clock: new ManualClock(), spawn: fake.spawn });
  sink.write(record('info', 'Link node1:eth0 up.'));
  sink.write(record('warn', 'node node2: is dead'));
  sink.write(record('crit', 'two\nlines'));
  sink.write(record('debug', 'x'));
  assert.deepEqual(fake.args, [['--prio-prefix', '-t', 'heartbeat']]);
  assert.deepEqual(fake.children[0]?.lines, [
    '<134>[17]: info: Link node1:eth0 up.\n', // local0 = 16: 16 * 8 + 6
    '<132>[17]: WARN: node node2: is dead\n',
    '<130>[17]: CRIT: two lines\n',
    '<135>[17]: debug: x\n',
  ]);
  assert.equal(new SyslogSink({ facility: 'daemon', tag: 'heartbeat', pid: 1, clock: new ManualClock() }).lineFor(record('error', 'e')), '<27>[1]: ERROR: e\n');
});

test('a dead logger is reported once, lines are dropped, and it is restarted at most once a minute', () => {
  const fake = fakeSpawner();
  const clock = new ManualClock();
  const problems: string[] = [];
  const sink = new SyslogSink({ facility: 'daemon', tag: 'heartbeat', pid: 1, clock, spawn: fake.spawn, onProblem: (m) => problems.push(m) });
  sink.write(record('info', 'a'));
  fake.children[0]?.die('the logger command (util-linux) is not installed');
  sink.write(record('info', 'dropped'));
  clock.advance(59_999);
  sink.write(record('info', 'dropped too'));
  assert.equal(fake.children.length, 1);
  clock.advance(1);
  sink.write(record('info', 'b'));
  fake.children[1]?.die('the logger command (util-linux) is not installed');
  assert.equal(fake.children.length, 2);
  assert.deepEqual(fake.children.map((c) => c.lines.length), [1, 1]);
  assert.deepEqual(problems, ['syslog (daemon): the logger command (util-linux) is not installed; syslog lines are dropped until it can be restarted']);
});

test('close ends the child without reporting its exit as a problem', async () => {
  const fake = fakeSpawner();
  const problems: string[] = [];
  const sink = new SyslogSink({ facility: 'daemon', tag: 'heartbeat', pid: 1, clock: new ManualClock(), spawn: fake.spawn, onProblem: (m) => problems.push(m) });
  sink.write(record('info', 'a'));
  await sink.close();
  assert.equal(fake.children[0]?.ended, true);
  assert.deepEqual(problems, []);
});

const skip = e2eSkipReason({ root: false, commands: ['logger', 'socat'] });
const dir = mkdtempSync(join(tmpdir(), 'heartline-syslog-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the real logger delivers heartbeat-style syslog messages to a datagram socket', { skip: skip ?? false }, async () => {
  const socket = join(dir, 'log.sock');
  const receiver = spawn('socat', ['-u', `UNIX-RECV:${socket}`, 'STDOUT'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let received = '';
  receiver.stdout.setEncoding('utf8');
  receiver.stdout.on('data', (chunk: string) => (received += chunk));
  try {
    for (let i = 0; i < 100 && !existsSync(socket); i++) await sleep(20);
    const problems: string[] = [];
    const sink = new SyslogSink({
      facility: 'local0',
      tag: 'heartbeat',
      pid: 17,
      clock: new ManualClock(),
      loggerArgs: ['--socket', socket, '--socket-errors=on'],
      onProblem: (m) => problems.push(m),
    });
    sink.write(record('info', 'Local status now set to: up'));
    sink.write(record('warn', 'node node2: is dead'));
    await sink.close();
    for (let i = 0; i < 100 && received.split('heartbeat:').length < 3; i++) await sleep(20);
    assert.deepEqual(problems, []);
    assert.match(received, /<134>\w{3} [ \d]\d \d\d:\d\d:\d\d heartbeat: \[17\]: info: Local status now set to: up/);
    assert.match(received, /<132>\w{3} [ \d]\d \d\d:\d\d:\d\d heartbeat: \[17\]: WARN: node node2: is dead/);
  } finally {
    receiver.kill();
  }
});
