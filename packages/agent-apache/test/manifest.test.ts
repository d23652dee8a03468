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

test('the manifest declares apache, apache2 and httpd, and core builds each in a node container', async () => {
  const agents = registry();
  assert.deepEqual([...agents.types().keys()].sort(), ['*', 'apache', 'apache2', 'httpd']);
  const node = container.createChildContainer();
  const built = await Promise.all(['apache', 'apache2', 'httpd'].map(async (t) => (await agents.agentFor(t, node)).constructor.name));
  assert.deepEqual(built, ['ApacheAgent', 'Apache2Agent', 'HttpdAgent']);
  assert.equal(await agents.agentFor('apache2', node), await agents.agentFor('apache2', node), 'one agent per node and type');
});

test("the seed's haresources: apache2, httpd and apache::CONFIG go to this plugin, other names to the script agent", async () => {
  const text = 'prime 10.0.0.5 apache2\nsecond 10.0.0.6 httpd smbd\nthird 10.0.0.7 apache::/etc/apache2/apache2.conf::statusurl=http://10.0.0.7/ nginx\n';
  const { groups, issues } = parseHaResources(text, '/etc/ha.d/haresources', ['prime', 'second', 'third']);
  assert.deepEqual(issues, []);
  const resources = groups.flatMap((g) => g.resources).filter((r) => r.type !== 'IPaddr');
  const node = container.createChildContainer();
  const agents = registry();
  const served = await Promise.all(resources.map(async (r) => [r.type, (await agents.agentFor(r.type, node)).type]));
  assert.deepEqual(served, [
    ['apache2', 'apache2'],
    ['httpd', 'httpd'],
    ['smbd', '*'],
    ['apache', 'apache'],
    ['nginx', '*'],
  ]);
});
