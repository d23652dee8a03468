import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { container } from 'tsyringe';
import { PluginAgentRegistry } from '@heartline/core';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url)); // from dist/test/

/** This package as the CLI describes it to core: its manifest, read from package.json. */
function registry(): PluginAgentRegistry {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; heartline: unknown };
  return new PluginAgentRegistry([{ packageName: pkg.name, packageRoot, manifest: pkg.heartline }]);
}

test('the manifest declares *, OCF and bypassd, and core builds each agent in a node container', async () => {
  const agents = registry();
  assert.deepEqual([...agents.types().keys()].sort(), ['*', 'OCF', 'bypassd']);
  assert.equal(agents.provides('apache2'), true);
  const node = container.createChildContainer();
  const served = await Promise.all(['apache2', 'IPaddr', 'OCF', 'bypassd'].map(async (t) => (await agents.agentFor(t, node)).type));
  assert.deepEqual(served, ['*', '*', 'OCF', 'bypassd']);
  assert.equal(await agents.agentFor('smbd', node), await agents.agentFor('nmbd', node), 'one script agent per node');
});
