import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FenceConfirmations, MemorySink } from '@heartline/core';
import { fenceContext, fenceDevice } from '@heartline/core/testing';
import { MeatwareFencer } from '../src/MeatwareFencer.js';
import { NullFencer } from '../src/NullFencer.js';

const noCommands = { run: () => Promise.reject(new Error('this fencer runs no command')) };

describe('null and meatware: cluster-glue\'s hostlist devices', () => {
  it('both need a host list (S_BADCONFIG without one)', async () => {
    for (const fencer of [new NullFencer(), new MeatwareFencer()]) {
      assert.deepEqual(await fencer.validate(fenceDevice(fencer.type, 'node1, node2')), []);
      const issues = await fencer.validate(fenceDevice(fencer.type, ' , '));
      assert.deepEqual(issues.map((i) => `${i.line}:${i.code}`), ['1:FENCE_BAD_PARAMETERS']);
      assert.match(issues[0]!.message, new RegExp(`^stonith_host \\* ${fencer.type}: ${fencer.type} takes one parameter, hostlist`));
    }
  });

  it('null resets every node at once and only says so', async () => {
    const sink = new MemorySink();
    const result = await new NullFencer().reset('node2', fenceContext(noCommands, fenceDevice('null', 'node1'), { sink }));
    assert.deepEqual(result, { status: 'ok' });
    assert.deepEqual(sink.records.map((r) => `${r.level}: ${r.message}`), ['info: Host null-reset: node2']);
  });

  it('meatware asks the operator at CRIT and waits for `ha fence confirm`, without a deadline', async () => {
    const fencer = new MeatwareFencer();
    assert.equal(fencer.resetTimeoutMs, Number.POSITIVE_INFINITY);
    const sink = new MemorySink();
    const confirmations = new FenceConfirmations();
    let answer: unknown;
    const done = fencer.reset('node2', fenceContext(noCommands, fenceDevice('meatware', 'node1 node2'), { sink, confirmations })).then((r) => (answer = r));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answer, undefined);
    assert.deepEqual(sink.records.map((r) => `${r.level}: ${r.message}`), [
      'crit: OPERATOR INTERVENTION REQUIRED to reset node2.',
      'crit: Run "ha fence confirm node2" AFTER power-cycling the machine.',
    ]);
    assert.equal(confirmations.confirm('node2'), 1);
    await done;
    assert.deepEqual(answer, { status: 'ok' });
    assert.equal(sink.records.at(-1)?.message, 'node Meatware-reset: node2');
  });

  it('meatware: a wait stopped (the node came back, the daemon stops) is a failed reset', async () => {
    const controller = new AbortController();
    const pending = new MeatwareFencer().reset('node2', fenceContext(noCommands, fenceDevice('meatware', 'node2'), { signal: controller.signal }));
    controller.abort();
    assert.deepEqual(await pending, { status: 'failed', result: 'bad', reason: 'nobody confirmed that node2 was reset' });
  });
});
