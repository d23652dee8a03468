import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHaError } from '@heartline/core';
import { PidLock } from '../../src/daemon/PidLock.js';
import { processStartTime } from '../../src/daemon/processStartTime.js';

/** A pid that does not run: one of a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(child.pid !== undefined);
  return child.pid;
}

describe('PidLock (<run-dir>/heartline.pid)', () => {
  let dir: string;
  let holder: ChildProcess;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-pidlock-'));
    // Another process that runs for the whole suite: the "running daemon" of some tests.
    holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  });

  after(() => {
    holder.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const path = (name: string): string => join(dir, name, PidLock.fileName);

  it('writes its pid and start time, and removes the file on release', () => {
    const lock = new PidLock(path('a'));
    assert.equal(lock.acquire(), undefined);
    assert.equal(readFileSync(path('a'), 'latin1'), `${process.pid}\n${processStartTime(process.pid)}\n`);
    lock.release();
    assert.ok(!existsSync(path('a')));
    assert.deepEqual(readdirSync(join(dir, 'a')), [], 'no temporary file is left');
  });

  it('refuses when the holder runs, naming its pid, and leaves the holder\'s file alone', () => {
    const file = path('b');
    const running = new PidLock(file, holder.pid);
    running.acquire();
    const before = readFileSync(file, 'latin1');
    assert.throws(
      () => new PidLock(file).acquire(),
      (error: unknown) =>
        isHaError(error) && error.code === 'DAEMON_ALREADY_RUNNING' && error.exitCode === 69 && error.message.includes(`pid ${holder.pid}`),
    );
    assert.equal(readFileSync(file, 'latin1'), before);
    running.release();
  });

  it('takes over a file whose pid no longer runs, and says whose it was', async () => {
    const file = path('c');
    const gone = await deadPid();
    new PidLock(file, gone).acquire();
    const lock = new PidLock(file);
    assert.equal(lock.acquire(), gone);
    assert.equal(readFileSync(file, 'latin1').split('\n')[0], String(process.pid));
    lock.release();
  });

  it('takes over a file whose daemon was killed but not reaped yet (a zombie: kill -9, then a quick restart)', async () => {
    // `sleep 0` exits at once; its parent becomes `sleep 5`, which never waits for it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number((await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString())))).trim());
      await new Promise((r) => setTimeout(r, 200));
      assert.match(readFileSync(`/proc/${zombie}/stat`, 'latin1'), /\) Z /, 'a zombie');
      const file = path('z');
      new PidLock(file, zombie).acquire();
      const lock = new PidLock(file);
      assert.equal(lock.acquire(), zombie);
      lock.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('takes over a file whose pid runs but is another process (started at another time)', () => {
    const file = path('d');
    mkdirSync(join(dir, 'd'));
    writeFileSync(file, `${holder.pid}\n1\n`); // a start time the holder does not have
    const lock = new PidLock(file);
    assert.equal(lock.acquire(), holder.pid);
    lock.release();
  });

  it('takes over an empty or garbled file', () => {
    const file = path('e');
    new PidLock(file).acquire();
    writeFileSync(file, 'not a pid\n');
    const lock = new PidLock(file);
    assert.equal(lock.acquire(), undefined);
    assert.equal(readFileSync(file, 'latin1').split('\n')[0], String(process.pid));
    lock.release();
  });

  it('release leaves a file that is no longer its own', () => {
    const file = path('f');
    const lock = new PidLock(file);
    lock.acquire();
    writeFileSync(file, `${holder.pid}\n${processStartTime(holder.pid ?? 0)}\n`);
    lock.release();
    assert.ok(existsSync(file));
  });

  it('once a starter took over a stale file, the next starter is refused', async () => {
    const file = path('g');
    const gone = await deadPid();
    new PidLock(file, gone).acquire();
    const first = new PidLock(file, process.pid);
    const second = new PidLock(file, holder.pid);
    first.acquire();
    assert.throws(() => second.acquire(), (error: unknown) => isHaError(error) && error.code === 'DAEMON_ALREADY_RUNNING');
    first.release();
  });

  it('says DAEMON_PID_FILE when the run directory cannot be written', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    assert.throws(
      () => new PidLock(join(blocker, PidLock.fileName)).acquire(),
      (error: unknown) => isHaError(error) && error.code === 'DAEMON_PID_FILE' && error.exitCode === 73,
    );
  });
});
