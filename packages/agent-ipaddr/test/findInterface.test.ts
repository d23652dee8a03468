import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findInterface } from '../src/findInterface.js';
import { aliasLabel } from '../src/aliasLabel.js';
import { broadcastOf } from '../src/broadcastOf.js';
import { formatIp } from '../src/formatIp.js';
import { parseIpv4 } from '../src/parseIpv4.js';
import { parseIpv6 } from '../src/parseIpv6.js';
import { parseNetmask } from '../src/parseNetmask.js';
import { parseProcRoutes } from '../src/parseProcRoutes.js';
import type { RouteInfo } from '../src/RouteInfo.js';

const ip = (text: string): Uint8Array => parseIpv4(text) ?? parseIpv6(text) ?? assert.fail(text);
const route = (cidr: string, interfaceName: string, metric = 0, onLink = true): RouteInfo => {
  const [dst = '', bits = '0'] = cidr.split('/');
  const destination = ip(dst);
  return { family: destination.length === 4 ? 4 : 6, destination, prefixLength: Number(bits), interfaceName, metric, onLink };
};
const want = (address: string, nic?: string, prefixLength?: number) => {
  const bytes = ip(address);
  return { family: bytes.length === 4 ? (4 as const) : (6 as const), bytes, ...(nic === undefined ? {} : { nic }), ...(prefixLength === undefined ? {} : { prefixLength }) };
};

const table = [
  route('0.0.0.0/0', 'eth0', 0, false), // the default route: never a VIP's interface
  route('10.0.0.0/16', 'eth0', 100),
  route('10.0.1.0/24', 'eth1', 200),
  route('10.0.1.0/24', 'eth2', 50),
  route('192.168.7.0/24', 'eth3', 0, false), // via a gateway
  route('2001:db8::/64', 'eth0'),
];

test('findif: the most specific covering on-link route, then the lowest metric', () => {
  assert.deepEqual(findInterface(want('10.0.1.9'), table), { nic: 'eth2', prefixLength: 24, fromRoute: true });
  assert.deepEqual(findInterface(want('10.0.9.9'), table), { nic: 'eth0', prefixLength: 16, fromRoute: true });
  assert.deepEqual(findInterface(want('2001:db8::5'), table), { nic: 'eth0', prefixLength: 64, fromRoute: true });
});

test('findif: a named interface only takes its own routes; a given prefix only routes at most as long', () => {
  assert.deepEqual(findInterface(want('10.0.1.9', 'eth1'), table), { nic: 'eth1', prefixLength: 24, fromRoute: true });
  assert.deepEqual(findInterface(want('10.0.1.9', undefined, 20), table), { nic: 'eth0', prefixLength: 20, fromRoute: true });
  assert.equal(findInterface(want('10.0.1.9', 'eth3'), table), undefined);
});

test('findif: nothing covers (default and gateway routes do not count) → undefined; nic and prefix given → no route needed', () => {
  assert.equal(findInterface(want('172.16.0.1'), table), undefined);
  assert.equal(findInterface(want('192.168.7.5'), table), undefined);
  assert.deepEqual(findInterface(want('172.16.0.1', 'eth9', 12), []), { nic: 'eth9', prefixLength: 12, fromRoute: false });
});

test("IPaddr's alias label: the lowest nic:N not taken on that interface, none past 15 characters", () => {
  const on = (index: number, label: string) => ({ family: 4 as const, index, bytes: ip('10.0.0.1'), prefixLength: 24, label });
  assert.equal(aliasLabel('eth0', 2, [on(2, 'eth0')]), 'eth0:0');
  assert.equal(aliasLabel('eth0', 2, [on(2, 'eth0'), on(2, 'eth0:0'), on(2, 'eth0:2'), on(3, 'eth0:1')]), 'eth0:1');
  assert.equal(aliasLabel('enp0s31f6abcd', 2, []), 'enp0s31f6abcd:0');
  assert.equal(aliasLabel('enp0s31f6abcde', 2, []), undefined);
});

test('broadcast = address | ~netmask, none for /31 and /32', () => {
  assert.equal(formatIp(broadcastOf(ip('10.0.0.5'), 24) ?? new Uint8Array()), '10.0.0.255');
  assert.equal(formatIp(broadcastOf(ip('10.0.0.5'), 20) ?? new Uint8Array()), '10.0.15.255');
  assert.equal(broadcastOf(ip('10.0.0.5'), 31), undefined);
});

test('addresses and netmasks as inet_pton and findif read them', () => {
  assert.equal(parseIpv4('256.0.0.1'), undefined);
  assert.equal(formatIp(ip('2001:db8:0:0:1:0:0:1')), '2001:db8::1:0:0:1');
  assert.equal(formatIp(ip('::')), '::');
  assert.equal(formatIp(ip('1:2:3:4:5:6:7:8')), '1:2:3:4:5:6:7:8');
  assert.deepEqual([parseNetmask('24', 4), parseNetmask('255.255.255.255', 4), parseNetmask('255.255.255.0', 6), parseNetmask('64', 6)], [24, 32, undefined, 64]);
});

test('/proc/net/route as findif.c reads it: little-endian hex words, gateway routes not on-link', () => {
  const text = [
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
    'eth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0',
    'eth0\t0000000A\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0',
  ].join('\n');
  const routes = parseProcRoutes(text);
  assert.deepEqual(routes.map((r) => `${formatIp(r.destination)}/${r.prefixLength} ${r.interfaceName} ${r.metric} ${r.onLink}`), [
    '0.0.0.0/0 eth0 0 false',
    '10.0.0.0/24 eth0 100 true',
  ]);
});
