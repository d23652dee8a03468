import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classicAuthText } from '../../src/wire/classicAuthText.js';
import { decodeMessage } from '../../src/wire/decodeMessage.js';
import { encodeClassic } from '../../src/wire/encodeClassic.js';
import { encodeNetstring } from '../../src/wire/encodeNetstring.js';
import { formatFieldLines } from '../../src/wire/formatFieldLines.js';
import { readPcap } from '../../src/wire/pcap/readPcap.js';
import { parseUdpFrame } from '../../src/wire/pcap/parseUdpFrame.js';
import { WireAuth } from '../../src/auth/WireAuth.js';
import { createAuthenticator } from '../../src/auth/createAuthenticator.js';
import { pcapNames, readDump, splitStream, vectorFile, vectorKey, vectorsSkipReason } from './vectors.js';

const skip = vectorsSkipReason();

function wireAuthFor(method: string, key = vectorKey): WireAuth {
  return new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method, key: method === 'crc' ? undefined : key }]]) });
}

describe('heartbeat 3.0.6 UDP captures', { skip }, () => {
  for (const name of skip ? [] : pcapNames()) {
    test(name, () => {
      const dump = readDump(name);
      const payloads = readPcap(vectorFile(`${name}.pcap`))
        .map(parseUdpFrame)
        .filter((d) => d !== undefined && (d.dstPort === 694 || d.srcPort === 694))
        .map((d) => d!.payload);
      assert.equal(payloads.length, dump.entries.length, 'one dump entry per heartbeat datagram');
      assert.ok(payloads.length > 0);
      const auth = wireAuthFor(dump.method);
      const wrongKey = wireAuthFor(dump.method, 'not-the-key');
      const signer = createAuthenticator(dump.method, vectorKey);
      payloads.forEach((payload, i) => {
        const entry = dump.entries[i]!;
        const where = `${name} ${entry.header}`;
        assert.deepEqual(Buffer.from(payload), entry.raw, `${where}: pcap payload = raw:`);

        const decoded = decodeMessage(payload);
        assert.ok(decoded.ok, `${where}: ${decoded.ok ? '' : decoded.detail}`);
        assert.equal(decoded.format, 'netstring');
        assert.deepEqual(formatFieldLines(decoded.message), entry.fieldLines, where);
        assert.equal(`${decoded.trailer?.slot} ${decoded.trailer?.token}`, entry.trailer, where);

        // Re-encoding reproduces the datagram byte for byte, trailer included.
        const trailer = `${decoded.trailer!.slot} ${decoded.trailer!.token}`;
        const reencoded = Buffer.concat([encodeNetstring(decoded.message), Buffer.from(`${trailer.length}:${trailer},`)]);
        assert.deepEqual(reencoded, entry.raw, `${where}: re-encoded`);

        // Both auth checks heartbeat can make hold: the trailer, and the inner field over classic text.
        const opened = auth.open(payload);
        assert.ok(opened.ok, `${where}: ${opened.ok ? '' : opened.detail}`);
        assert.equal(opened.slot, 1);
        const inner = decoded.message.get('auth')!.split(' ');
        assert.equal(inner[0], '1');
        assert.ok(signer.verify(classicAuthText(decoded.message), inner[1]!), `${where}: inner auth`);
        if (dump.method !== 'crc') assert.equal(wrongKey.open(payload).ok, false, `${where}: a wrong key fails`);
        const tampered = Buffer.from(payload);
        const at = tampered.indexOf('(0)t=') + 5;
        tampered[at] = tampered[at]! ^ 0x20; // t=status -> t=Status: still decodes
        const refused = auth.open(tampered);
        assert.equal(refused.ok ? 'ok' : refused.reason, 'auth-failed', `${where}: a changed byte fails`);

        // Sealing the message again gives the same datagram, with or without its old auth field.
        assert.deepEqual(Buffer.from(auth.sealUdp(decoded.message, { innerAuth: true })), entry.raw, `${where}: sealUdp`);
        const unsigned = decoded.message.clone().remove('auth');
        assert.deepEqual(Buffer.from(auth.sealUdp(unsigned, { innerAuth: true })), entry.raw, `${where}: sealUdp of unsigned`);
        assert.equal(unsigned.has('auth'), false, 'sealUdp leaves the caller message alone');
      });
    });
  }
});

describe('heartbeat 3.0.6 serial capture', { skip }, () => {
  test('20-serial-2node: both directions', () => {
    const dump = readDump('20-serial-2node');
    const frames = ['20-serial-2node.tty1-to-tty2.bin', '20-serial-2node.tty2-to-tty1.bin'].flatMap((f) => splitStream(vectorFile(f)));
    assert.equal(frames.length, dump.entries.length);
    const auth = wireAuthFor(dump.method);
    frames.forEach(({ bytes }, i) => {
      const entry = dump.entries[i]!;
      const where = entry.header;
      assert.deepEqual(bytes, entry.raw, where);
      const decoded = decodeMessage(bytes);
      assert.ok(decoded.ok, `${where}: ${decoded.ok ? '' : decoded.detail}`);
      assert.equal(decoded.format, 'classic');
      assert.equal(decoded.trailer, undefined);
      assert.deepEqual(formatFieldLines(decoded.message), entry.fieldLines, where);
      assert.deepEqual(Buffer.from(encodeClassic(decoded.message)), entry.raw, `${where}: encodeClassic`);
      const opened = auth.open(bytes);
      assert.ok(opened.ok, `${where}: ${opened.ok ? '' : opened.detail}`);
      assert.equal(opened.format, 'classic');
      const unsigned = decoded.message.clone().remove('auth');
      assert.deepEqual(Buffer.from(auth.sealClassic(unsigned)), entry.raw, `${where}: sealClassic`);
      assert.equal(wireAuthFor(dump.method, 'wrong').open(bytes).ok, false);
    });
  });
});
