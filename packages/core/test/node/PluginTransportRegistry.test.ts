import 'reflect-metadata';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { container } from 'tsyringe';
import { PluginTransportRegistry } from '../../src/plugins/PluginTransportRegistry.js';
import type { PluginDescriptor } from '../../src/plugins/PluginDescriptor.js';
import type { MediaSpec } from '../../src/config/MediaSpec.js';
import { isHaError } from '../../src/errors/HaError.js';

// Plugin packages are written under dist/test so that their `import 'tsyringe'` resolves like an
// installed plugin's would (from the workspace's node_modules).
const root = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), 'plugins-'));
after(() => rmSync(root, { recursive: true, force: true }));

function plugin(name: string, heartline: unknown, modules: Record<string, string> = {}): PluginDescriptor {
  const dir = join(root, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module', heartline }));
  for (const [file, text] of Object.entries(modules)) writeFileSync(join(dir, file), text);
  return { packageName: name, packageRoot: dir, manifest: heartline };
}

const factoryModule = (marker: string) => `
import { inject } from 'tsyringe';
globalThis.__loaded = [...(globalThis.__loaded ?? []), ${JSON.stringify(marker)}];
export class MemFactory {
  constructor(nodeName) { this.nodeName = nodeName; this.kinds = ['bcast', 'ucast']; }
  create(spec) { return { id: spec.kind, linkName: spec.interface }; }
}
inject(Symbol.for('heartline.nodeName'))(MemFactory, undefined, 0);
`;

const where = { file: '/etc/ha.d/ha.cf', line: 7, column: 1 };
const bcast: MediaSpec = { kind: 'bcast', interface: 'eth0', port: 694, where };
const serial: MediaSpec = { kind: 'serial', device: '/dev/ttyS0', baud: 19200, where };

function nodeContainer(name: string) {
  const c = container.createChildContainer();
  c.register(Symbol.for('heartline.nodeName'), { useValue: name });
  return c;
}

describe('transport plugins (manifest before code)', () => {
  it('imports a module only when a configured medium needs it, builds it in the node container', async () => {
    const udp = plugin('@t/udp', { apiVersion: 1, transports: { bcast: './dist/MemFactory.js#MemFactory', ucast: './dist/MemFactory.js' } }, { 'dist/MemFactory.js': factoryModule('udp') });
    const other = plugin('@t/other', { apiVersion: 1, transports: { serial: './dist/Other.js#Other' } }, { 'dist/Other.js': 'globalThis.__loaded = [...(globalThis.__loaded ?? []), "other"]; export class Other {}' });
    const registry = new PluginTransportRegistry([udp, other]);
    assert.deepEqual([...registry.kinds()], [['bcast', ['@t/udp']], ['ucast', ['@t/udp']], ['serial', ['@t/other']]]);
    const g = globalThis as { __loaded?: string[] };
    g.__loaded = [];
    const c1 = nodeContainer('node1');
    const f1 = await registry.factoryFor(bcast, c1);
    assert.deepEqual(g.__loaded, ['udp'], 'the serial plugin was never imported');
    assert.equal((f1 as unknown as { nodeName: string }).nodeName, 'node1', 'constructor injected from the node container');
    assert.equal(await registry.factoryFor({ ...bcast, kind: 'ucast', peer: '10.0.0.2' } as MediaSpec, c1), f1, 'one instance per node');
    const f2 = await registry.factoryFor(bcast, nodeContainer('node2'));
    assert.notEqual(f2, f1);
    assert.equal((f2 as unknown as { nodeName: string }).nodeName, 'node2');
    await assert.rejects(registry.factoryFor(serial, c1), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_SHAPE');
  });

  it('names both plugins when two provide one kind, and says which kind nobody provides', async () => {
    const a = plugin('@t/a', { apiVersion: 1, transports: { bcast: './dist/MemFactory.js' } });
    const b = plugin('@t/b', { apiVersion: 1, transports: { bcast: './dist/MemFactory.js' } });
    const registry = new PluginTransportRegistry([a, b]);
    await assert.rejects(registry.factoryFor(bcast, nodeContainer('n')), (e) => {
      assert.ok(isHaError(e) && e.code === 'DAEMON_TRANSPORT_CONFLICT');
      assert.match(e.message, /@t\/a and @t\/b/);
      return true;
    });
    await assert.rejects(registry.factoryFor(serial, nodeContainer('n')), (e) => {
      assert.ok(isHaError(e) && e.code === 'DAEMON_NO_TRANSPORT');
      assert.match(e.message, /^\/etc\/ha\.d\/ha\.cf:7: no installed plugin provides "serial" media/);
      return true;
    });
  });

  it('refuses a wrong apiVersion or a malformed manifest before loading anything', () => {
    assert.throws(() => new PluginTransportRegistry([plugin('@t/v2', { apiVersion: 2, transports: {} })]), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_API_VERSION');
    assert.throws(() => new PluginTransportRegistry([plugin('@t/bad', { apiVersion: 1, transports: { bcast: '/abs/x.js' } })]), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_MANIFEST');
    assert.throws(() => new PluginTransportRegistry([plugin('@t/bad2', 'nope')]), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_MANIFEST');
  });

  it('reports a module that fails to load', async () => {
    const broken = plugin('@t/broken', { apiVersion: 1, transports: { bcast: './dist/Missing.js' } });
    await assert.rejects(new PluginTransportRegistry([broken]).factoryFor(bcast, nodeContainer('n')), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_LOAD');
  });
});
