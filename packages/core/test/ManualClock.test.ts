import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/time/ManualClock.js';

test('ManualClock fires timers in due order, intervals repeat, cancelled timers never fire', () => {
  const clock = new ManualClock();
  const fired: string[] = [];
  clock.setTimeout(() => fired.push(`b@${clock.now()}`), 20);
  clock.setTimeout(() => fired.push(`a@${clock.now()}`), 10);
  const every = clock.setInterval(() => fired.push(`i@${clock.now()}`), 15);
  const cancelled = clock.setTimeout(() => fired.push('never'), 5);
  cancelled.cancel();
  clock.advance(31);
  every.cancel();
  clock.advance(100);
  assert.deepEqual(fired, ['a@10', 'i@15', 'b@20', 'i@30']);
  assert.equal(clock.now(), 131);
});

test('ManualClock sleep resolves when time reaches it and rejects on abort', async () => {
  const clock = new ManualClock();
  const done = clock.sleep(50);
  clock.advance(50);
  await done;
  const controller = new AbortController();
  const aborted = clock.sleep(50, controller.signal);
  controller.abort(new Error('stop'));
  await assert.rejects(aborted, /stop/);
});
