import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { container } from 'tsyringe';
import { PluginFencerRegistry } from '@heartline/core';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url)); // from dist/test/

test('the manifest declares null, ssh, meatware and external/*, and core builds each fencer in a node container', async () => {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { name: string; heartline: unknown };
  const fencers = new PluginFencerRegistry([{ packageName: pkg.name, packageRoot, manifest: pkg.heartline }]);
  assert.deepEqual([...fencers.types().keys()].sort(), ['external/*', 'meatware', 'null', 'ssh']);
  const node = container.createChildContainer();
  const served = await Promise.all(['null', 'ssh', 'meatware', 'external/ipmi', 'external/labpower'].map(async (t) => (await fencers.fencerFor(t, node)).type));
  assert.deepEqual(served, ['null', 'ssh', 'meatware', 'external/*', 'external/*']);
  assert.equal(fencers.provides('rps10'), false, 'cluster-glue\'s compiled devices are not served');
});
