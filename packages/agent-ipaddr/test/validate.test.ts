import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceRef } from '@heartline/core/testing';
import { IpAddr2Agent, IpAddrAgent, Ipv6AddrAgent } from '../src/index.js';
import { FakeCommands } from './helpers/FakeCommands.js';
import { FakeEnvironment } from './helpers/FakeEnvironment.js';
import { FakeNetlink } from './helpers/FakeNetlink.js';

const context = { haDir: '/etc/ha.d', initDir: '/etc/init.d' };
const env = (executables?: string[]) => new FakeEnvironment(new FakeNetlink(), new FakeCommands(), executables === undefined ? undefined : new Set(executables));

test('a good resource has no issue, and validating loads the netlink binding ahead of the first start', () => {
  const machine = env();
  assert.deepEqual(new IpAddrAgent(machine).validate(resourceRef('10.0.0.5/24/eth0'), context), []);
  assert.deepEqual(new IpAddr2Agent(machine).validate(resourceRef('IPaddr2::10.0.0.6'), context), []);
  assert.equal(machine.opened, 2);
});

test('bad address, netmask and option: errors at the resource line and column, with the catalogue hint', () => {
  const issues = new IpAddrAgent(env()).validate(resourceRef('IPaddr::10.0.0.256/40/eth0::arp_count=x'), context);
  assert.deepEqual(issues.map((i) => [i.file, i.line, i.column, i.severity, i.code]), [
    ['/etc/ha.d/haresources', 4, 7, 'error', 'IPADDR_BAD_OPTION'],
    ['/etc/ha.d/haresources', 4, 7, 'error', 'IPADDR_BAD_ADDRESS'],
    ['/etc/ha.d/haresources', 4, 7, 'error', 'IPADDR_BAD_NETMASK'],
  ]);
  assert.match(issues[2]?.hint ?? '', /prefix length/);
});

test('a missing interface, no route, missing tools: warnings (the check may run on another machine)', () => {
  const nic = new IpAddrAgent(env()).validate(resourceRef('10.0.0.5/24/eth7'), context);
  assert.deepEqual(nic.map((i) => [i.severity, i.code, i.message]), [['warning', 'IPADDR_NO_INTERFACE', '10.0.0.5/24/eth7: interface eth7 does not exist on this machine']]);
  const route = new IpAddr2Agent(env()).validate(resourceRef('IPaddr2::192.168.1.5'), context);
  assert.deepEqual(route.map((i) => [i.severity, i.code]), [['warning', 'IPADDR_NO_ROUTE']]);
  assert.match(route[0]?.message ?? '', /^IPaddr2::192\.168\.1\.5: no directly connected route covers 192\.168\.1\.5 on this machine, so its interface cannot be found$/);
  const tools = new IpAddrAgent(env([])).validate(resourceRef('10.0.0.5/24/eth0'), context);
  assert.deepEqual(tools.map((i) => [i.severity, i.code]), [['warning', 'IPADDR_TOOL_MISSING'], ['warning', 'IPADDR_TOOL_MISSING']]);
  const v6 = new Ipv6AddrAgent(env(['/usr/bin/arping'])).validate(resourceRef('IPv6addr::2001:db8::5/64/eth0'), context);
  assert.deepEqual(v6.map((i) => i.message), ['IPv6addr::2001:db8::5/64/eth0: send_ua (/usr/libexec/heartbeat/send_ua) is not installed: apt-get install resource-agents']);
});
