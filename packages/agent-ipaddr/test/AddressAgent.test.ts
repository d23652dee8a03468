import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemorySink } from '@heartline/core';
import { agentContext, resourceRef } from '@heartline/core/testing';
import { IpAddr2Agent, IpAddrAgent, Ipv6AddrAgent, type AddressAgent } from '../src/index.js';
import { FakeCommands } from './helpers/FakeCommands.js';
import { FakeEnvironment } from './helpers/FakeEnvironment.js';
import { FakeNetlink } from './helpers/FakeNetlink.js';

const SEND_ARP = '/usr/libexec/heartbeat/send_arp';
const ARPING = '/usr/bin/arping';
const SEND_UA = '/usr/libexec/heartbeat/send_ua';

function setup(Agent: new (env: FakeEnvironment) => AddressAgent = IpAddrAgent, options: { executables?: string[]; netlink?: FakeNetlink; loadError?: Error } = {}) {
  const netlink = options.netlink ?? new FakeNetlink();
  const commands = new FakeCommands();
  const env = new FakeEnvironment(options.loadError ?? netlink, commands, options.executables === undefined ? undefined : new Set(options.executables));
  const sink = new MemorySink();
  return { agent: new Agent(env), netlink, commands, env, sink, context: agentContext(commands, { sink, env: { HA_RSCTMP: '/run/test-rsctmp' } }) };
}

const pidFile = (ip: string, n = 1) => `/run/test-rsctmp/send_arp-${ip}-heartline-${process.pid}-${n}`;

test('IPaddr start: one ARP probe, the address added with its broadcast and label nic:0, one send_arp for the burst', async () => {
  const { agent, netlink, commands, context, sink } = setup();
  assert.deepEqual(await agent.start(resourceRef('10.0.0.5/24/eth0'), context), { status: 'running' });
  assert.deepEqual(netlink.changes, ['add 10.0.0.5/24 brd 10.0.0.255 dev #2 label eth0:0']);
  assert.deepEqual(commands.lines(), [
    `${ARPING} -D -c 1 -w 1 -I eth0 10.0.0.5`,
    `${SEND_ARP} -i 200 -r 5 -p ${pidFile('10.0.0.5')} eth0 10.0.0.5 auto not_used not_used`,
  ]);
  // The probe is killed once its window has passed in silence; the burst goes on in the background.
  assert.deepEqual(commands.killed, [ARPING]);
  assert.ok(sink.messages('info').includes('Adding inet address 10.0.0.5/24 with broadcast address 10.0.0.255 to device eth0 (with label eth0:0)'));
  assert.equal(commands.requests[1]?.signal?.aborted, false);
});

test('IPaddr without nic or mask: findif picks both; a second address gets the next free label', async () => {
  const { agent, netlink, context } = setup();
  await agent.start(resourceRef('IPaddr::10.0.0.5/24/eth0'), context);
  assert.deepEqual(await agent.start(resourceRef('10.0.0.6'), context), { status: 'running' });
  assert.deepEqual(netlink.on(2), ['10.0.0.1/24 eth0', '10.0.0.5/24 eth0:0', '10.0.0.6/24 eth0:1']);
});

test('IPaddr2: no label unless nic:label is given; arp_count and arp_interval reach send_arp', async () => {
  const { agent, netlink, commands, context } = setup(IpAddr2Agent);
  await agent.start(resourceRef('IPaddr2::10.0.0.7/24/eth0::probe_ms=0::arp_count=10::arp_interval=500'), context);
  await agent.start(resourceRef('IPaddr2::10.0.0.8/24/eth0:web'), context);
  assert.deepEqual(netlink.on(2), ['10.0.0.1/24 eth0', '10.0.0.7/24', '10.0.0.8/24 eth0:web']);
  assert.equal(commands.lines()[0], `${SEND_ARP} -i 500 -r 10 -p ${pidFile('10.0.0.7')} eth0 10.0.0.7 auto not_used not_used`);
});

test('start and stop are idempotent: a second start changes nothing; stop kills the burst and removes the address', async () => {
  const { agent, netlink, commands, env, context } = setup();
  const vip = resourceRef('10.0.0.5/24/eth0');
  await agent.start(vip, context);
  const ran = commands.requests.length;
  assert.deepEqual(await agent.start(vip, context), { status: 'running' });
  assert.equal(commands.requests.length, ran, 'nothing run for an address already there');
  assert.deepEqual(await agent.stop(vip, context), { status: 'stopped' });
  assert.deepEqual(await agent.stop(vip, context), { status: 'stopped' });
  assert.deepEqual(netlink.changes, ['add 10.0.0.5/24 brd 10.0.0.255 dev #2 label eth0:0', 'remove 10.0.0.5/24 dev #2 label eth0:0']);
  assert.deepEqual(commands.killed, [ARPING, SEND_ARP]);
  await new Promise((resolve) => setImmediate(resolve)); // the killed burst settles
  assert.deepEqual(env.removed, [pidFile('10.0.0.5')], "send_arp's pid file is removed after it");
});

test('status: running only on the expected interface; stopped when absent; elsewhere is a failure naming both', async () => {
  const { agent, netlink, context } = setup();
  assert.deepEqual(await agent.status(resourceRef('10.0.0.5/24/eth0'), context), { status: 'stopped' });
  netlink.addressTable.push({ family: 4, index: 3, bytes: Uint8Array.from([10, 0, 0, 5]), prefixLength: 24 });
  const wrong = await agent.status(resourceRef('10.0.0.5/24/eth0'), context);
  assert.equal(wrong.status, 'failed');
  assert.match((wrong as { reason: string }).reason, /^IPADDR_WRONG_INTERFACE: 10\.0\.0\.5 is running on an interface \(eth1\) instead of the configured one \(eth0\)$/);
  assert.deepEqual(await agent.status(resourceRef('10.0.0.5/24/eth1'), context), { status: 'running' });
  // Start refuses rather than adding a second copy.
  const start = await agent.start(resourceRef('10.0.0.5/24/eth0'), context);
  assert.match((start as { reason: string }).reason, /^IPADDR_WRONG_INTERFACE: 10\.0\.0\.5 is already on eth1, not on the configured eth0/);
});

test('another host answering the probe: failed with its MAC, nothing added, no burst', async () => {
  const { agent, netlink, commands, context } = setup();
  commands.behave(ARPING, { exitCode: 1, stdout: 'ARPING 10.0.0.5 from 0.0.0.0 eth0\nUnicast reply from 10.0.0.5 [6A:45:C6:1C:D1:70]  0.580ms\nSent 1 probes (1 broadcast(s))\n' });
  const result = await agent.start(resourceRef('10.0.0.5/24/eth0'), context);
  assert.deepEqual(result, {
    status: 'failed',
    reason: 'IPADDR_IN_USE: 10.0.0.5 is already in use on the network: 6a:45:c6:1c:d1:70 answered an ARP probe on eth0; not adding it',
  });
  assert.deepEqual(netlink.changes, []);
  assert.deepEqual(commands.lines(), [`${ARPING} -D -c 1 -w 1 -I eth0 10.0.0.5`]);
});

test('missing tools: not-installed before anything changes, naming the Debian package', async () => {
  const none = setup(IpAddrAgent, { executables: [] });
  const result = await none.agent.start(resourceRef('10.0.0.5/24/eth0'), none.context);
  assert.equal(result.status, 'not-installed');
  assert.match((result as { reason: string }).reason, /^IPADDR_TOOL_MISSING: .*resource-agents.*iputils-arping/);
  const noArping = setup(IpAddrAgent, { executables: [SEND_ARP] });
  const probe = await noArping.agent.start(resourceRef('10.0.0.5/24/eth0'), noArping.context);
  assert.match((probe as { reason: string }).reason, /^IPADDR_TOOL_MISSING: IPaddr 10\.0\.0\.5: arping \(Debian package iputils-arping\) is needed for the duplicate-address probe/);
  assert.deepEqual(await noArping.agent.start(resourceRef('10.0.0.5/24/eth0::probe_ms=0'), noArping.context), { status: 'running' });
  const v6 = setup(Ipv6AddrAgent, { executables: [SEND_ARP, ARPING] });
  const ua = await v6.agent.start(resourceRef('IPv6addr::2001:db8::5/64/eth0'), v6.context);
  assert.match((ua as { reason: string }).reason, /send_ua .*apt-get install resource-agents/);
  assert.deepEqual([none.netlink.changes, v6.netlink.changes, none.commands.requests, v6.commands.requests], [[], [], [], []]);
});

test('without send_arp, arping -U sends the burst (whole-second interval)', async () => {
  const { agent, commands, context } = setup(IpAddrAgent, { executables: [ARPING] });
  await agent.start(resourceRef('10.0.0.5/24/eth0'), context);
  assert.equal(commands.lines()[1], `${ARPING} -U -c 5 -i 1 -w 6 -I eth0 10.0.0.5`);
});

test('IPv6addr: added without DAD delay, announced by send_ua, no ARP probe, no label', async () => {
  const netlink = new FakeNetlink(undefined, [], [{ family: 6, destination: Uint8Array.from([0x20, 1, 0x0d, 0xb8, ...new Array<number>(12).fill(0)]), prefixLength: 64, interfaceName: 'eth0', metric: 256, onLink: true }]);
  const { agent, commands, context } = setup(Ipv6AddrAgent, { netlink });
  assert.deepEqual(await agent.start(resourceRef('IPv6addr::2001:db8::5'), context), { status: 'running' });
  assert.deepEqual(netlink.changes, ['add 20010db8000000000000000000000005/64 dev #2']);
  assert.deepEqual(commands.lines(), [`${SEND_UA} -i 200 -c 5 2001:db8::5 64 eth0`]);
  assert.deepEqual(await agent.status(resourceRef('IPv6addr::2001:db8::5'), context), { status: 'running' });
});

test('a netlink binding that cannot load: one clear failed result per operation, nothing run', async () => {
  const { agent, commands, context } = setup(IpAddrAgent, { loadError: new Error("Cannot find module 'netlink'\nRequire stack: …") });
  for (const operation of ['start', 'stop', 'status'] as const) {
    assert.deepEqual(await agent[operation](resourceRef('10.0.0.5/24/eth0'), context), {
      status: 'failed',
      reason: "IPADDR_NETLINK_UNAVAILABLE: cannot load the netlink binding (npm package netlink 0.3.0): Cannot find module 'netlink'",
    });
  }
  assert.deepEqual(commands.requests, []);
});

test('EPERM from the kernel (not root): failed with the cause, no burst, nothing added', async () => {
  const { agent, netlink, commands, context } = setup();
  netlink.failAdd = new Error('Request rejected: EPERM');
  const result = await agent.start(resourceRef('10.0.0.5/24/eth0'), context);
  assert.deepEqual(result, { status: 'failed', reason: 'IPADDR_PERMISSION: cannot add 10.0.0.5/24 to eth0: the kernel answered EPERM (not root, or no CAP_NET_ADMIN)' });
  assert.deepEqual(netlink.on(2), ['10.0.0.1/24 eth0']);
  assert.ok(!commands.lines().some((l) => l.startsWith(SEND_ARP)));
  netlink.addressTable.push({ family: 4, index: 2, bytes: Uint8Array.from([10, 0, 0, 5]), prefixLength: 24 });
  netlink.failRemove = new Error('Request rejected: EPERM');
  assert.match((await agent.stop(resourceRef('10.0.0.5/24/eth0'), context) as { reason: string }).reason, /^IPADDR_PERMISSION: cannot remove 10\.0\.0\.5 from eth0/);
});

test('interface missing, down, or no route to find one: failed naming the resource, nothing run', async () => {
  const { agent, netlink, commands, context } = setup();
  const reason = async (text: string) => ((await agent.start(resourceRef(text), context)) as { reason: string }).reason;
  assert.equal(await reason('10.0.0.5/24/eth9'), 'IPADDR_NO_INTERFACE: IPaddr 10.0.0.5: interface eth9 does not exist');
  assert.equal(await reason('10.0.0.5/24/eth1'), 'IPADDR_INTERFACE_DOWN: IPaddr 10.0.0.5: interface eth1 is down; not adding the address');
  assert.equal(
    await reason('172.16.0.5'),
    "IPADDR_NO_ROUTE: IPaddr 172.16.0.5: no directly connected route covers the address, so its interface cannot be found (heartbeat's findif)",
  );
  assert.equal(
    await reason('IPaddr::172.16.0.5//eth0'),
    "IPADDR_NO_ROUTE: IPaddr 172.16.0.5: no directly connected route on eth0 covers the address, so its netmask cannot be found (heartbeat's findif)",
  );
  assert.deepEqual([netlink.changes, commands.requests], [[], []]);
});

test('a burst that fails before its first packet: the address is removed again and the start fails', async () => {
  const { agent, netlink, commands, context } = setup();
  commands.behave(SEND_ARP, { exitCode: 1, stderr: 'send_arp: Cannot find mac address for eth0\n' });
  const result = await agent.start(resourceRef('10.0.0.5/24/eth0'), context);
  assert.equal(result.status, 'failed');
  assert.match((result as { reason: string }).reason, /^IPADDR_GARP_FAILED: .*send_arp .*: send_arp: Cannot find mac address for eth0; 10\.0\.0\.5 was removed from eth0 again$/);
  assert.deepEqual(netlink.changes, ['add 10.0.0.5/24 brd 10.0.0.255 dev #2 label eth0:0', 'remove 10.0.0.5/24 brd 10.0.0.255 dev #2 label eth0:0']);
  assert.deepEqual(netlink.on(2), ['10.0.0.1/24 eth0']);
});

test('a resource that does not parse is not-configured, at every operation', async () => {
  const { agent, context } = setup();
  const result = await agent.start(resourceRef('IPaddr::10.0.0.500/24'), context);
  assert.deepEqual(result, { status: 'not-configured', reason: "IPADDR_BAD_ADDRESS: IPaddr::10.0.0.500/24: '10.0.0.500' is not an IPv4 address" });
  assert.equal((await agent.status(resourceRef('IPaddr::10.0.0.500/24'), context)).status, 'not-configured');
});
