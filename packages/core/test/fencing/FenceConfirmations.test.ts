import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FenceConfirmations } from '../../src/fencing/FenceConfirmations.js';

describe('FenceConfirmations: the operator\'s word that a node is down', () => {
  it('wakes every wait for the node, whatever its case; other nodes keep waiting', async () => {
    const c = new FenceConfirmations();
    const a = c.waitFor('node1');
    const b = c.waitFor('NODE1');
    const other = c.waitFor('node2');
    assert.deepEqual(c.waiting(), ['node1', 'node2']);
    assert.equal(c.isWaiting('Node1'), true);
    assert.equal(c.confirm('node1'), 2);
    assert.deepEqual(await Promise.all([a, b]), [true, true]);
    assert.deepEqual(c.waiting(), ['node2']);
    assert.equal(c.confirm('node2'), 1);
    assert.equal(await other, true);
  });

  it('a confirmation nobody waits for is not kept: a later reset still waits', async () => {
    const c = new FenceConfirmations();
    assert.equal(c.confirm('node1'), 0);
    const controller = new AbortController();
    const wait = c.waitFor('node1', controller.signal);
    assert.equal(c.isWaiting('node1'), true);
    controller.abort();
    assert.equal(await wait, false, 'an abort ends the wait unconfirmed');
    assert.deepEqual(c.waiting(), []);
    assert.equal(await c.waitFor('node1', controller.signal), false, 'an aborted signal does not wait at all');
  });
});
