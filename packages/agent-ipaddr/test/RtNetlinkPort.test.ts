import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RtNetlinkPort } from '../src/RtNetlinkPort.js';
import { netlinkErrno } from '../src/netlinkErrno.js';

test('a binding that cannot be loaded rejects with the loader error (the agents turn it into one failed result)', async () => {
  await assert.rejects(RtNetlinkPort.open('@heartline/no-such-netlink-binding'), /Cannot find (module|package) '@heartline\/no-such-netlink-binding'/);
});

test("netlink errors carry the errno only in their text: it is read from there", () => {
  assert.equal(netlinkErrno(new Error('Request rejected: EPERM')), 'EPERM');
  assert.equal(netlinkErrno(new Error('Request rejected: EADDRNOTAVAIL')), 'EADDRNOTAVAIL');
  assert.equal(netlinkErrno(new Error('Multipart message not terminated properly')), undefined);
});
