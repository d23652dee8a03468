import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { validateMedia } from '../../src/transport/validateMedia.js';

test('a medium no plugin provides, or two plugins claim, is an error at its ha.cf line', () => {
  const { config } = parseHaCf('keepalive 1\ndeadtime 5\nbcast eth0\nserial /dev/ttyS0\nucast eth1 10.0.0.2\nnode a\nnode b\n', '/etc/ha.d/ha.cf');
  const providers = new Map([
    ['bcast', ['@heartline/transport-udp']],
    ['ucast', ['@heartline/transport-udp', '@acme/transport-udp']],
  ]);
  assert.deepEqual(
    validateMedia(config.media, providers).map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`),
    ['4:8 DAEMON_NO_TRANSPORT no installed plugin provides "serial" media', '5:7 DAEMON_TRANSPORT_CONFLICT "ucast" media are provided by @heartline/transport-udp and @acme/transport-udp'],
  );
});
