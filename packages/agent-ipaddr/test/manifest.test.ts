import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { container } from 'tsyringe';
import { parseHaResources, PluginAgentRegistry } from '@heartline/core';
import { starAgentPlugin } from '@heartline/core/testing';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url)); // from dist/test/

/** This package as the CLI describes it to core, beside a stand-in for agent-lsb's `*` script agent. */
function registry(): PluginAgentRegistry {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; heartline: unknown };
  return new PluginAgentRegistry([{ packageName: pkg.name, packageRoot, manifest: pkg.heartline }, starAgentPlugin()]);
}

test('the manifest declares IPaddr, IPaddr2 and IPv6addr, and core builds each in a node container', async () => {
  const agents = registry();
  assert.deepEqual([...agents.types().keys()].sort(), ['*', 'IPaddr', 'IPaddr2', 'IPv6addr']);
  const node = container.createChildContainer();
  const built = await Promise.all(['IPaddr', 'IPaddr2', 'IPv6addr'].map(async (t) => (await agents.agentFor(t, node)).constructor.name));
  assert.deepEqual(built, ['IpAddrAgent', 'IpAddr2Agent', 'Ipv6AddrAgent']);
  assert.equal(await agents.agentFor('IPaddr', node), await agents.agentFor('IPaddr', node), 'one agent per node and type');
});

test("haresources' bare address is IPaddr, as heartbeat's ResourceManager reads it, and this plugin serves it over the script agent", async () => {
  const { groups, issues } = parseHaResources('node1 10.0.0.5/24/eth0 IPaddr2::10.0.0.6 IPv6addr::2001:db8::5/64/eth0 apache2\n', '/etc/ha.d/haresources', ['node1']);
  assert.deepEqual(issues, []);
  const resources = groups[0]?.resources ?? [];
  assert.deepEqual(resources.map((r) => [r.type, r.spec]), [
    ['IPaddr', 'IPaddr::10.0.0.5/24/eth0'],
    ['IPaddr2', 'IPaddr2::10.0.0.6'],
    ['IPv6addr', 'IPv6addr::2001:db8::5/64/eth0'],
    ['apache2', 'apache2'],
  ]);
  const node = container.createChildContainer();
  const agents = registry();
  const served = await Promise.all(resources.map(async (r) => (await agents.agentFor(r.type, node)).type));
  assert.deepEqual(served, ['IPaddr', 'IPaddr2', 'IPv6addr', '*']);
});
