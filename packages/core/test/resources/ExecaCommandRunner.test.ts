import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecaCommandRunner } from '../../src/resources/ExecaCommandRunner.js';

const dir = mkdtempSync(join(tmpdir(), 'heartline-runner-'));
const leftBehind: number[] = [];
after(() => {
  for (const pid of leftBehind) killQuietly(pid);
  rmSync(dir, { recursive: true, force: true });
});

const runner = new ExecaCommandRunner(undefined, { killGraceMs: 300 });

function script(name: string, body: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Gone, or a zombie nobody reaps (PID 1 in a container may not): either way no longer running. */
function isRunning(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '').charAt(0);
  return state !== 'Z' && state !== 'X';
}

async function readPid(path: string): Promise<number> {
  for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 10));
  return Number(readFileSync(path, 'utf8').trim());
}

test('exit codes, arguments in order, stdout and stderr apart', async () => {
  const path = script('codes', 'echo "args: $*"; echo "to stderr" >&2; exit 3');
  const outcome = await runner.run({ file: path, args: ['a b', 'start'], timeoutMs: 5000 });
  assert.equal(outcome.exitCode, 3);
  assert.equal(outcome.signal, undefined);
  assert.equal(outcome.timedOut, false);
  assert.equal(outcome.spawnError, undefined);
  assert.equal(outcome.stdout, 'args: a b start\n');
  assert.equal(outcome.stderr, 'to stderr\n');
  assert.ok(outcome.durationMs >= 0);
  assert.equal((await runner.run({ file: script('ok', 'exit 0'), args: [], timeoutMs: 5000 })).exitCode, 0);
});

test('output is bounded: the last bytes of each stream are kept', async () => {
  const small = new ExecaCommandRunner(undefined, { maxOutputBytes: 1000 });
  const path = script('chatty', 'i=0; while [ $i -lt 500 ]; do echo "line $i"; echo "err $i" >&2; i=$((i+1)); done; echo last');
  const outcome = await small.run({ file: path, args: [], timeoutMs: 5000 });
  assert.equal(outcome.exitCode, 0);
  assert.equal(outcome.stdout.length, 1000);
  assert.ok(outcome.stdout.endsWith('line 499\nlast\n'));
  assert.equal(outcome.stderr.length, 1000);
  assert.ok(outcome.stderr.endsWith('err 499\n'));
});

test('env is added to the daemon environment', async () => {
  const path = script('env', 'echo "$HA_CURHOST|$OCF_ROOT|${PATH:+has-path}"');
  const outcome = await runner.run({ file: path, args: [], env: { HA_CURHOST: 'node1', OCF_ROOT: '/usr/lib/ocf' }, timeoutMs: 5000 });
  assert.equal(outcome.stdout, 'node1|/usr/lib/ocf|has-path\n');
});

test('cwd is honoured', async () => {
  const outcome = await runner.run({ file: script('pwd', 'pwd'), args: [], cwd: '/', timeoutMs: 5000 });
  assert.equal(outcome.stdout, '/\n');
});

test('timeout kills the whole process group, a grandchild that ignores SIGTERM and outlives its parent included', async () => {
  const pidFile = join(dir, 'grandchild.pid');
  const path = script('hang', `(trap '' TERM; exec sleep 300) &\necho $! > ${pidFile}\necho waiting\nsleep 300`);
  const outcome = await runner.run({ file: path, args: [], timeoutMs: 300 });
  const grandchild = await readPid(pidFile);
  leftBehind.push(grandchild);
  assert.equal(outcome.timedOut, true);
  assert.equal(outcome.exitCode, undefined);
  assert.equal(outcome.signal, 'SIGTERM');
  assert.equal(outcome.stdout, 'waiting\n');
  assert.ok(outcome.durationMs >= 300 && outcome.durationMs < 5000, `took ${outcome.durationMs} ms`);
  assert.equal(isRunning(grandchild), false, `grandchild ${grandchild} survived`);
});

test('abort kills the group too and says timedOut; an already aborted request runs nothing', async () => {
  const controller = new AbortController();
  const marker = join(dir, 'aborted-ran');
  const running = runner.run({ file: script('slow', `touch ${marker}; sleep 300`), args: [], timeoutMs: 60_000, signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  const outcome = await running;
  assert.equal(outcome.timedOut, true);
  assert.ok(outcome.durationMs < 5000);
  assert.ok(existsSync(marker));

  rmSync(marker);
  const none = await runner.run({ file: script('slow2', `touch ${marker}`), args: [], timeoutMs: 5000, signal: AbortSignal.abort() });
  assert.equal(none.timedOut, true);
  assert.equal(none.exitCode, undefined);
  assert.equal(existsSync(marker), false);
});

test('a daemon the script leaves behind holding stdout does not hold the result, and is left running', async () => {
  const pidFile = join(dir, 'daemon.pid');
  const path = script('daemonize', `sleep 30 &\necho $! > ${pidFile}\necho started\nexit 0`);
  const outcome = await runner.run({ file: path, args: [], timeoutMs: 5000 });
  const daemon = await readPid(pidFile);
  leftBehind.push(daemon);
  assert.equal(outcome.exitCode, 0);
  assert.equal(outcome.timedOut, false);
  assert.equal(outcome.stdout, 'started\n');
  assert.ok(outcome.durationMs < 2000, `took ${outcome.durationMs} ms`);
  assert.equal(isRunning(daemon), true);
});

test('a command that cannot start gives spawnError, never a throw', async () => {
  const missing = await runner.run({ file: join(dir, 'no-such-script'), args: ['start'], timeoutMs: 5000 });
  assert.match(missing.spawnError ?? '', /ENOENT/);
  assert.equal(missing.exitCode, undefined);
  assert.equal(missing.timedOut, false);

  const notExecutable = await runner.run({ file: script('plain', 'exit 0', 0o644), args: [], timeoutMs: 5000 });
  assert.match(notExecutable.spawnError ?? '', /EACCES/);

  const badCwd = await runner.run({ file: script('fine', 'exit 0'), args: [], cwd: join(dir, 'nowhere'), timeoutMs: 5000 });
  assert.notEqual(badCwd.spawnError, undefined);
});

test('onSpawn gets the pid (its process group) once the command runs, and never for one that cannot start', async () => {
  const pids: number[] = [];
  const outcome = await runner.run({ file: script('pid.sh', 'echo $$'), args: [], timeoutMs: 5000, onSpawn: (pid) => pids.push(pid) });
  assert.deepEqual(pids, [Number(outcome.stdout.trim())]);
  await runner.run({ file: join(dir, 'no-such-command'), args: [], timeoutMs: 5000, onSpawn: (pid) => pids.push(pid) });
  assert.equal(pids.length, 1);
});
