import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answerControlLine } from '../../src/daemon/control/answerControlLine.js';
import type { ControlHandler } from '../../src/daemon/control/ControlHandler.js';

/** A handler that records what reached it and answers with the query's name. */
function recorder(): { handler: ControlHandler; seen: Array<Record<string, unknown>> } {
  const seen: Array<Record<string, unknown>> = [];
  return { seen, handler: (request) => (seen.push(request), { answered: request['query'] }) };
}

describe('answerControlLine: version, access and errors of one request', () => {
  it('answers a v1 question on either socket, with v in the reply', () => {
    for (const access of ['read', 'change'] as const) {
      const { handler, seen } = recorder();
      assert.deepEqual(answerControlLine('{"v":1,"query":"status"}', access, handler), { v: 1, ok: true, result: { answered: 'status' } });
      assert.deepEqual(seen, [{ v: 1, query: 'status' }]);
    }
  });

  it('takes standby and takeover on the change socket only', () => {
    const { handler, seen } = recorder();
    const line = '{"v":1,"query":"standby","resources":"all"}';
    assert.deepEqual(answerControlLine(line, 'change', handler), { v: 1, ok: true, result: { answered: 'standby' } });
    for (const query of ['standby', 'takeover', 'reload', 'anything-new']) {
      const reply = answerControlLine(JSON.stringify({ v: 1, query }), 'read', handler);
      assert.equal(reply.ok, false);
      assert.equal(reply.ok === false && reply.code, 'CONTROL_PERMISSION_DENIED', query);
      assert.match(reply.ok === false ? reply.error : '', /not a question control\.sock answers \(status\).*admin\.sock, to root only/);
    }
    assert.equal(seen.length, 1, 'nothing refused reached the handler');
  });

  it('refuses another version, or none, naming the one it speaks', () => {
    const { handler, seen } = recorder();
    assert.deepEqual(answerControlLine('{"v":2,"query":"status"}', 'read', handler), {
      v: 1,
      ok: false,
      code: 'CONTROL_PROTOCOL_VERSION',
      error: 'this daemon speaks control protocol version 1, not version 2',
      supported: [1],
    });
    const none = answerControlLine('{"query":"status"}', 'read', handler);
    assert.equal(none.ok === false && none.error, 'this daemon speaks control protocol version 1, not a request without "v"');
    const text = answerControlLine('{"v":"1","query":"status"}', 'change', handler);
    assert.equal(text.ok === false && text.code, 'CONTROL_PROTOCOL_VERSION');
    assert.equal(seen.length, 0);
  });

  it('refuses what is not a request, and passes on the handler\'s refusal', () => {
    const { handler } = recorder();
    const code = (line: string, h: ControlHandler = handler) => {
      const reply = answerControlLine(line, 'change', h);
      return reply.ok ? 'ok' : reply.code;
    };
    assert.equal(code('not json'), 'CONTROL_BAD_REQUEST');
    assert.equal(code('[1]'), 'CONTROL_BAD_REQUEST');
    assert.equal(code('null'), 'CONTROL_BAD_REQUEST');
    assert.equal(code('{"v":1}'), 'CONTROL_BAD_REQUEST');
    assert.equal(code('{"v":1,"query":7}'), 'CONTROL_BAD_REQUEST');
    const throwing: ControlHandler = () => {
      throw new Error('the node is not running');
    };
    assert.deepEqual(answerControlLine('{"v":1,"query":"status"}', 'read', throwing), {
      v: 1,
      ok: false,
      code: 'CONTROL_REFUSED',
      error: 'the node is not running',
    });
  });
});
