import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isHaError } from '@heartline/core/errors';
import { readControlReply } from '../../src/daemon/control/readControlReply.js';

const path = '/run/heartline/control.sock';

/** The code and message readControlReply throws for `line`. */
function failure(line: string): { code: string; message: string } {
  try {
    readControlReply(path, line);
  } catch (error) {
    assert.ok(isHaError(error));
    return { code: error.code, message: error.message };
  }
  assert.fail(`${line} was accepted`);
}

describe('readControlReply: the client side of a reply line', () => {
  it('returns the result of a v1 reply', () => {
    assert.deepEqual(readControlReply(path, '{"v":1,"ok":true,"result":{"schema":1}}'), { schema: 1 });
  });

  it('refuses a reply of another version, or of none (a daemon from before versions)', () => {
    assert.deepEqual(failure('{"v":2,"ok":true,"result":{}}'), {
      code: 'CONTROL_PROTOCOL_VERSION',
      message: `${path} answers in control protocol version 2; this ha speaks version 1`,
    });
    assert.deepEqual(failure('{"ok":true,"result":{}}'), {
      code: 'CONTROL_PROTOCOL_VERSION',
      message: `${path} answers in control protocol no version (a daemon older than this ha); this ha speaks version 1`,
    });
  });

  it('maps the daemon\'s refusals to catalogued codes', () => {
    assert.deepEqual(failure('{"v":1,"ok":false,"code":"CONTROL_PERMISSION_DENIED","error":"no"}'), {
      code: 'CONTROL_PERMISSION_DENIED',
      message: `${path} refused the request: no`,
    });
    assert.equal(failure('{"v":1,"ok":false,"code":"CONTROL_PROTOCOL_VERSION","error":"v"}').code, 'CONTROL_PROTOCOL_VERSION');
    assert.deepEqual(failure('{"v":1,"ok":false,"code":"CONTROL_REFUSED","error":"the node is not running"}'), {
      code: 'STATUS_BAD_REPLY',
      message: `${path} refused the query: the node is not running`,
    });
    assert.equal(failure('garbage').code, 'STATUS_BAD_REPLY');
    assert.equal(failure('[]').code, 'STATUS_BAD_REPLY');
  });
});
