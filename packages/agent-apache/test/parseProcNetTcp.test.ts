import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseListen, parseProcNetTcp } from '../src/index.js';
import { socketMatches } from '../src/socketMatches.js';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 3D00D50A:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1308477 1 00000000000c94a7 100 0 0 10 0
   1: 3D00D50A:0050 3E00D50A:DE54 01 00000000:00000000 00:00000000 00000000    33        0 1308999 1 0000000000000000 20 4 30 10 -1
   2: 3D00D50A:DE54 3D00D50A:0050 06 00000000:00000000 03:000016A4 00000000     0        0 0 3 000000006255498f
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0
   1: B80D0120000000000000000005000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 100 0 0 10 0
   2: 0000000000000000FFFF00003D00D50A:0050 0000000000000000FFFF00003E00D50A:C000 08 00000000:00000000 00:00000000 00000000     0        0 4444 1 0000000000000000 100 0 0 10 0
`;

test('/proc/net/tcp and tcp6 on a little-endian machine: address, port, state, inode', () => {
  assert.deepEqual(parseProcNetTcp(TCP, true), [
    { address: '10.213.0.61', port: 80, state: 'listen', inode: 1308477 },
    { address: '10.213.0.61', port: 80, state: 'established', inode: 1308999 },
    { address: '10.213.0.61', port: 56916, state: 'other', inode: 0 },
  ]);
  assert.deepEqual(parseProcNetTcp(TCP6, true), [
    { address: '::', port: 8080, state: 'listen', inode: 4242 },
    { address: '2001:db8::5', port: 443, state: 'listen', inode: 4343 },
    { address: '::ffff:10.213.0.61', port: 80, state: 'established', inode: 4444 },
  ]);
});

test('a socket meets a Listen on the same port with the same address or a wildcard on either side', () => {
  const listen = (text: string) => {
    const l = parseListen([text], 'f', 1);
    assert.ok(!('problem' in l));
    return l;
  };
  const [v4, , ] = parseProcNetTcp(TCP, true);
  const [any6, , mapped] = parseProcNetTcp(TCP6, true);
  assert.ok(v4 && any6 && mapped);
  assert.equal(socketMatches(v4, listen('10.213.0.61:80')), true);
  assert.equal(socketMatches(v4, listen('80')), true);
  assert.equal(socketMatches(v4, listen('10.213.0.62:80')), false);
  assert.equal(socketMatches(v4, listen('10.213.0.61:81')), false);
  assert.equal(socketMatches(any6, listen('10.0.0.1:8080')), true, 'the IPv6 wildcard takes IPv4 too');
  assert.equal(socketMatches(mapped, listen('10.213.0.61:80')), true);
});
