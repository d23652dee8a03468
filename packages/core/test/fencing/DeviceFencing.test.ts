import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeviceFencing } from '../../src/fencing/DeviceFencing.js';
import { FenceConfirmations } from '../../src/fencing/FenceConfirmations.js';
import type { FenceContext } from '../../src/fencing/FenceContext.js';
import type { Fencer } from '../../src/fencing/Fencer.js';
import { fenceResults } from '../../src/fencing/fenceResults.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { ManualClock } from '../../src/time/ManualClock.js';
import { ScriptedFencer } from '../../src/testing/ScriptedFencer.js';

function bind(fencer: Fencer, clock = new ManualClock()) {
  const sink = new MemorySink();
  const fencing = new DeviceFencing({
    fencer,
    device: { type: fencer.type, params: 'node1', where: { file: 'ha.cf', line: 9, column: 14 }, source: `stonith_host * ${fencer.type}` },
    nodeName: 'node2',
    logger: new StructuredLogger([sink], clock),
    clock,
    commands: { run: () => Promise.reject(new Error('no commands here')) },
    env: { HA_CURHOST: 'node2' },
    stonithPluginDir: '/usr/lib/stonith/plugins',
    confirmations: new FenceConfirmations(),
  });
  return { fencing, sink, clock };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('DeviceFencing: a fencer bound to its device, with a deadline', () => {
  it('hands the fencer its context, the node name lowercased', async () => {
    let seen: { node: string; context: FenceContext } | undefined;
    const fencer: Fencer = {
      type: 'probe',
      validate: () => Promise.resolve([]),
      reset: (node, context) => {
        seen = { node, context };
        return Promise.resolve(fenceResults.ok());
      },
    };
    const { fencing } = bind(fencer);
    assert.deepEqual(await fencing.reset('Node1', new AbortController().signal), { status: 'ok' });
    assert.equal(seen?.node, 'node1');
    assert.equal(seen?.context.nodeName, 'node2');
    assert.equal(seen?.context.device.params, 'node1');
    assert.equal(seen?.context.timeoutMs, 120_000);
    assert.equal(seen?.context.env['HA_CURHOST'], 'node2');
    assert.equal(fencing.device, 'probe');
    assert.deepEqual(await fencing.status(new AbortController().signal), { status: 'ok' }, 'no status(): the device counts as working');
  });

  it('a reset that does not answer in time is bad, and its signal tells the fencer to stop', async () => {
    const fencer = new ScriptedFencer({ outcomes: ['hang'], resetTimeoutMs: 2000 });
    const { fencing, clock } = bind(fencer);
    let answer: unknown;
    void fencing.reset('node1', new AbortController().signal).then((r) => (answer = r));
    clock.advance(1999);
    await settle();
    assert.equal(answer, undefined);
    clock.advance(1);
    await settle();
    assert.deepEqual(answer, { status: 'failed', result: 'bad', reason: 'the reset of node1 timed out after 2000 ms' });
    assert.equal(fencer.resets[0]?.answer?.status, 'failed', 'the fencer saw its signal abort');
  });

  it('a reset the caller cancels is bad at once; a fencer that throws is bad and logged', async () => {
    const { fencing } = bind(new ScriptedFencer({ outcomes: ['hang'] }));
    const controller = new AbortController();
    const pending = fencing.reset('node1', controller.signal);
    controller.abort();
    assert.deepEqual(await pending, { status: 'failed', result: 'bad', reason: 'the reset of node1 was cancelled' });

    const thrower: Fencer = { type: 'buggy', validate: () => Promise.resolve([]), reset: () => Promise.reject(new Error('boom')) };
    const { fencing: buggy, sink } = bind(thrower);
    assert.deepEqual(await buggy.reset('node1', new AbortController().signal), { status: 'failed', result: 'bad', reason: 'the fencer failed: boom' });
    assert.ok(sink.records.some((r) => r.level === 'error' && r.message.startsWith('buggy: the reset of node1 threw: Error: boom')));
  });

  it('a fencer without a deadline (meatware) waits as long as it takes', async () => {
    const fencer: Fencer = {
      type: 'operator',
      resetTimeoutMs: Number.POSITIVE_INFINITY,
      validate: () => Promise.resolve([]),
      reset: async (node, context) => ((await context.confirmations.waitFor(node, context.signal)) ? fenceResults.ok() : fenceResults.bad('stopped')),
    };
    const { fencing, clock } = bind(fencer);
    let answer: unknown;
    void fencing.reset('node1', new AbortController().signal).then((r) => (answer = r));
    clock.advance(24 * 3600_000);
    await settle();
    assert.equal(answer, undefined);
    assert.equal(fencing.awaitingConfirmation('node1'), true);
  });
});
