import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusVerdict } from '../src/index.js';

const apache = { name: 'apache::/srv/web.conf', url: 'http://10.0.0.5:80/', needsSuccess: false, pidFile: '/run/web.pid' };

test('the main process and HTTP: both running, neither stopped, one without the other failed with the missing half', () => {
  assert.deepEqual(statusVerdict({ main: 42, recorded: 42, answer: { status: 200 } }, apache), { status: 'running' });
  assert.deepEqual(statusVerdict({ main: 42, recorded: 42, answer: { status: 403 } }, apache), { status: 'running' }, 'any HTTP answer on the Listen counts');
  assert.deepEqual(statusVerdict({ main: undefined, recorded: undefined, answer: { error: 'ECONNREFUSED' } }, apache), { status: 'stopped' });
  assert.deepEqual(statusVerdict({ main: undefined, recorded: 42, answer: { error: 'ECONNREFUSED' } }, apache), { status: 'stopped' }, 'a pid file left by kill -9 of every process');
  assert.deepEqual(statusVerdict({ main: 42, recorded: 42, answer: { error: 'no answer within 5000 ms' } }, apache), {
    code: 'APACHE_NOT_ANSWERING',
    message: 'apache::/srv/web.conf: apache runs (pid 42) but http://10.0.0.5:80/ does not answer: no answer within 5000 ms',
  });
  assert.deepEqual(statusVerdict({ main: undefined, recorded: 42, answer: { status: 200 } }, apache), {
    code: 'APACHE_NO_PROCESS',
    message:
      'apache::/srv/web.conf: http://10.0.0.5:80/ answers (HTTP 200) but no apache main process runs: pid 42 of /run/web.pid is not running (children left by a main process killed with -9, or another server on its address)',
  });
});

test('a statusurl must answer 2xx', () => {
  const status = { ...apache, url: 'http://10.0.0.5/server-status', needsSuccess: true };
  assert.deepEqual(statusVerdict({ main: 42, recorded: 42, answer: { status: 204 } }, status), { status: 'running' });
  const verdict = statusVerdict({ main: 42, recorded: 42, answer: { status: 404 } }, status);
  assert.ok('code' in verdict && verdict.code === 'APACHE_NOT_ANSWERING' && verdict.message.endsWith('does not answer: HTTP 404'));
  assert.ok('code' in statusVerdict({ main: undefined, recorded: undefined, answer: { status: 404 } }, status), 'something answers without apache');
});
