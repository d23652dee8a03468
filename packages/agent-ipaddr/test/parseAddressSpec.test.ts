import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAddressSpec } from '../src/parseAddressSpec.js';
import { formatIp } from '../src/formatIp.js';
import type { AddressType } from '../src/AddressSpec.js';

function parsed(type: AddressType, spec: string) {
  const { spec: s, problems } = parseAddressSpec(type, spec);
  assert.deepEqual(problems, [], `${spec} should parse`);
  assert.ok(s !== undefined);
  return {
    address: s.address,
    bytes: formatIp(s.bytes),
    prefixLength: s.prefixLength,
    nic: s.nic,
    label: s.label,
    broadcast: s.broadcast === undefined ? undefined : formatIp(s.broadcast),
    arp: `${s.arpCount}x${s.arpIntervalMs}`,
    probeMs: s.probeMs,
  };
}

function codes(type: AddressType, spec: string): string[] {
  return parseAddressSpec(type, spec).problems.map((p) => p.code);
}

test('IPaddr: ip[/mask[/nic[/broadcast]]] as heartbeat wrappers split it, with the defaults', () => {
  assert.deepEqual(parsed('IPaddr', 'IPaddr::10.0.0.5'), {
    address: '10.0.0.5', bytes: '10.0.0.5', prefixLength: undefined, nic: undefined, label: undefined, broadcast: undefined, arp: '5x200', probeMs: 10,
  });
  assert.deepEqual(parsed('IPaddr', 'IPaddr::10.0.0.5/24/eth0/10.0.0.127'), {
    address: '10.0.0.5', bytes: '10.0.0.5', prefixLength: 24, nic: 'eth0', label: undefined, broadcast: '10.0.0.127', arp: '5x200', probeMs: 10,
  });
  // A third part starting with a digit is the broadcast, not the interface.
  assert.equal(parsed('IPaddr', 'IPaddr::10.0.0.5/24/10.0.0.255').broadcast, '10.0.0.255');
  assert.equal(parsed('IPaddr', 'IPaddr::10.0.0.5/24/10.0.0.255').nic, undefined);
  // A dotted netmask, as findif converts it.
  assert.equal(parsed('IPaddr', 'IPaddr::10.0.0.5/255.255.252.0/eth0').prefixLength, 22);
  // heartbeat's IPaddr drops a :label from the nic (it numbers its own aliases).
  assert.deepEqual([parsed('IPaddr', 'IPaddr::10.0.0.5/24/eth0:7').nic, parsed('IPaddr', 'IPaddr::10.0.0.5/24/eth0:7').label], ['eth0', undefined]);
});

test('IPaddr2: nic:label is the kernel label, whole', () => {
  const web = parsed('IPaddr2', 'IPaddr2::10.0.0.6/24/eth0:web');
  assert.deepEqual([web.nic, web.label], ['eth0', 'eth0:web']);
  assert.equal(parsed('IPaddr2', 'IPaddr2::10.0.0.6/24/eth0').label, undefined);
});

test("IPv6addr: the spec is read whole, so the address's own :: survives core's split; no probe", () => {
  const v6 = parsed('IPv6addr', 'IPv6addr::2001:db8::5/64/eth0');
  assert.deepEqual([v6.address, v6.bytes, v6.prefixLength, v6.nic, v6.probeMs], ['2001:db8::5', '2001:db8::5', 64, 'eth0', 0]);
  assert.equal(parsed('IPv6addr', 'IPv6addr::::ffff:10.0.0.1/96').bytes, '::ffff:a00:1');
  assert.equal(parsed('IPv6addr', 'IPv6addr::fe80::1').bytes, 'fe80::1');
});

test('options after the address: arp_count, arp_interval, probe_ms', () => {
  const tuned = parsed('IPaddr2', 'IPaddr2::10.0.0.6/24/eth0::arp_count=10::arp_interval=500::probe_ms=0');
  assert.deepEqual([tuned.arp, tuned.probeMs, tuned.nic], ['10x500', 0, 'eth0']);
  assert.equal(parsed('IPv6addr', 'IPv6addr::2001:db8::5/64/eth0::arp_count=3').arp, '3x200');
});

test('every problem at once, each with its code and naming the resource', () => {
  const { problems } = parseAddressSpec('IPaddr', 'IPaddr::10.0.0.300/33/eth0/10.0.0.x');
  assert.deepEqual(problems.map((p) => p.code), ['IPADDR_BAD_ADDRESS', 'IPADDR_BAD_NETMASK', 'IPADDR_BAD_ADDRESS']);
  assert.match(problems[0]?.message ?? '', /^IPaddr::10\.0\.0\.300\/33\/eth0\/10\.0\.0\.x: '10\.0\.0\.300' is not an IPv4 address$/);
  assert.match(problems[1]?.message ?? '', /netmask '33' is not valid/);
  assert.match(problems[2]?.message ?? '', /broadcast '10\.0\.0\.x'/);
});

test('bad addresses, masks, names, labels and options', () => {
  assert.deepEqual(codes('IPaddr', 'IPaddr::'), ['IPADDR_BAD_ADDRESS']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.05'), ['IPADDR_BAD_ADDRESS']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::2001:db8::5'), ['IPADDR_BAD_ADDRESS']);
  assert.deepEqual(codes('IPv6addr', 'IPv6addr::10.0.0.5'), ['IPADDR_BAD_ADDRESS']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.5::10.0.0.6'), ['IPADDR_BAD_ADDRESS']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.5/24/eth0/10.0.0.255/x'), ['IPADDR_BAD_ADDRESS']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.5/0'), ['IPADDR_BAD_NETMASK']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.5/255.0.255.0'), ['IPADDR_BAD_NETMASK']);
  assert.deepEqual(codes('IPv6addr', 'IPv6addr::2001:db8::5/129'), ['IPADDR_BAD_NETMASK']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.5/24/averyverylongifname0'), ['IPADDR_BAD_OPTION']);
  assert.deepEqual(codes('IPaddr2', 'IPaddr2::10.0.0.5/24/eth0:waytoolonglabel'), ['IPADDR_BAD_OPTION']);
  assert.deepEqual(codes('IPaddr2', 'IPaddr2::10.0.0.5/24/eth0:'), ['IPADDR_BAD_OPTION']);
  assert.deepEqual(codes('IPaddr', 'IPaddr::10.0.0.5::arp_count=0::colour=red'), ['IPADDR_BAD_OPTION', 'IPADDR_BAD_OPTION']);
});
