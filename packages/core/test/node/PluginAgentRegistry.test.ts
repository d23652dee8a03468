import 'reflect-metadata';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { container } from 'tsyringe';
import { PluginAgentRegistry } from '../../src/plugins/PluginAgentRegistry.js';
import type { PluginDescriptor } from '../../src/plugins/PluginDescriptor.js';
import { isHaError } from '../../src/errors/HaError.js';
import { validateResources } from '../../src/resources/validateResources.js';
import { parseHaResources } from '../../src/config/parseHaResources.js';

// Plugin packages live under dist/test so their imports resolve like an installed plugin's would.
const root = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), 'agent-plugins-'));
after(() => rmSync(root, { recursive: true, force: true }));

function plugin(name: string, agents: Record<string, string>, modules: Record<string, string> = {}): PluginDescriptor {
  const dir = join(root, name.replace('/', '_'));
  mkdirSync(join(dir, 'dist'), { recursive: true });
  const heartline = { apiVersion: 1, agents };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module', heartline }));
  for (const [file, text] of Object.entries(modules)) writeFileSync(join(dir, file), text);
  return { packageName: name, packageRoot: dir, manifest: heartline };
}

/** An agent module that records its import and validates nothing. */
const agentModule = (className: string, type: string) => `
globalThis.__agents = [...(globalThis.__agents ?? []), ${JSON.stringify(className)}];
export class ${className} {
  type = ${JSON.stringify(type)};
  validate() { return []; }
  async start() { return { status: 'running' }; }
  async stop() { return { status: 'stopped' }; }
  async status() { return { status: 'stopped' }; }
}
`;

describe('agent plugins (manifest before code)', () => {
  const scripts = plugin('@t/scripts', { '*': './dist/Scripts.js#Scripts' }, { 'dist/Scripts.js': agentModule('Scripts', '*') });
  const ip = plugin('@t/ip', { IPaddr: './dist/Ip.js#Ip' }, { 'dist/Ip.js': agentModule('Ip', 'IPaddr') });

  it('an exact type wins over the * plugin; other names go to *; each module is imported only when used', async () => {
    const g = globalThis as { __agents?: string[] };
    g.__agents = [];
    const registry = new PluginAgentRegistry([scripts, ip]);
    assert.deepEqual([...registry.types()], [['*', ['@t/scripts']], ['IPaddr', ['@t/ip']]]);
    const c = container.createChildContainer();
    assert.equal((await registry.agentFor('apache2', c)).type, '*');
    assert.deepEqual(g.__agents, ['Scripts'], 'the IPaddr plugin is not imported for a script resource');
    assert.equal((await registry.agentFor('IPaddr', c)).type, 'IPaddr');
    assert.equal(await registry.agentFor('smbd', c), await registry.agentFor('apache2', c), 'one instance per node container');
  });

  it('without a * plugin, an unknown type is RESOURCE_NO_AGENT; validateResources names every such resource with its line', async () => {
    const registry = new PluginAgentRegistry([ip]);
    assert.equal(registry.provides('apache2'), false);
    await assert.rejects(registry.agentFor('apache2', container.createChildContainer()), (e) => isHaError(e) && e.code === 'RESOURCE_NO_AGENT');
    const { groups } = parseHaResources('node1 10.0.0.5 apache2\nnode2 smbd\n', '/etc/ha.d/haresources', ['node1', 'node2']);
    const issues = await validateResources(groups, registry, { haDir: '/etc/ha.d', initDir: '/etc/init.d' });
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.line, i.message]),
      [
        ['RESOURCE_NO_AGENT', 'error', 1, 'apache2: no installed plugin provides resources of type "apache2"'],
        ['RESOURCE_NO_AGENT', 'error', 2, 'smbd: no installed plugin provides resources of type "smbd"'],
      ],
    );
  });

  it('two plugins claiming one type is RESOURCE_AGENT_CONFLICT naming both', async () => {
    const other = plugin('@t/ip2', { IPaddr: './dist/Ip2.js#Ip2' }, { 'dist/Ip2.js': agentModule('Ip2', 'IPaddr') });
    const registry = new PluginAgentRegistry([ip, other]);
    await assert.rejects(registry.agentFor('IPaddr', container.createChildContainer()), (e) => {
      assert.ok(isHaError(e) && e.code === 'RESOURCE_AGENT_CONFLICT');
      assert.match(e.message, /@t\/ip and @t\/ip2/);
      return true;
    });
  });

  it('an export that is not an agent for its type is DAEMON_PLUGIN_SHAPE', async () => {
    const wrong = plugin('@t/wrong', { apache: './dist/Wrong.js#Wrong' }, { 'dist/Wrong.js': agentModule('Wrong', 'nginx') });
    await assert.rejects(new PluginAgentRegistry([wrong]).agentFor('apache', container.createChildContainer()), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_SHAPE');
  });
});
