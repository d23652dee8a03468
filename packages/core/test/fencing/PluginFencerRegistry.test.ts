import 'reflect-metadata';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { container } from 'tsyringe';
import { isHaError } from '../../src/errors/HaError.js';
import { validateFencing } from '../../src/fencing/validateFencing.js';
import { PluginFencerRegistry } from '../../src/plugins/PluginFencerRegistry.js';
import type { PluginDescriptor } from '../../src/plugins/PluginDescriptor.js';

// Plugin packages live under dist/test so their imports resolve like an installed plugin's would.
const root = mkdtempSync(join(dirname(fileURLToPath(import.meta.url)), 'fencer-plugins-'));
after(() => rmSync(root, { recursive: true, force: true }));

function plugin(name: string, fencers: Record<string, string>, modules: Record<string, string> = {}): PluginDescriptor {
  const dir = join(root, name.replace('/', '_'));
  mkdirSync(join(dir, 'dist'), { recursive: true });
  const heartline = { apiVersion: 1, fencers };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module', heartline }));
  for (const [file, text] of Object.entries(modules)) writeFileSync(join(dir, file), text);
  return { packageName: name, packageRoot: dir, manifest: heartline };
}

/** A fencer module that records its import; its validate finds the parameters empty or fine. */
const fencerModule = (className: string, type: string) => `
globalThis.__fencers = [...(globalThis.__fencers ?? []), ${JSON.stringify(className)}];
export class ${className} {
  type = ${JSON.stringify(type)};
  async validate(device) {
    return device.params === '' ? [{ ...device.where, code: 'FENCE_BAD_PARAMETERS', severity: 'error', message: device.source + ': no parameters', hint: 'h' }] : [];
  }
  async reset() { return { status: 'ok' }; }
}
`;

const device = (type: string, params = 'node1', line = 7) => ({ type, params, where: { file: '/etc/ha.d/ha.cf', line, column: 14 }, source: `stonith_host * ${type}` });

describe('fencer plugins (manifest before code)', () => {
  const basic = plugin(
    '@t/fence-basic',
    { null: './dist/NullF.js#NullF', 'external/*': './dist/Ext.js#Ext' },
    { 'dist/NullF.js': fencerModule('NullF', 'null'), 'dist/Ext.js': fencerModule('Ext', 'external/*') },
  );

  it('an exact type, else external/* for any external/NAME; a module is imported only when used; one instance per node container', async () => {
    const g = globalThis as { __fencers?: string[] };
    g.__fencers = [];
    const registry = new PluginFencerRegistry([basic]);
    assert.deepEqual([...registry.types().keys()].sort(), ['external/*', 'null']);
    assert.equal(registry.provides('external/ipmi'), true);
    assert.equal(registry.provides('external/'), false);
    assert.equal(registry.provides('rps10'), false);
    assert.deepEqual(registry.resolve('external/ipmi'), { fencer: 'external/*', packages: ['@t/fence-basic'] });
    const c = container.createChildContainer();
    assert.equal((await registry.fencerFor('null', c)).type, 'null');
    assert.deepEqual(g.__fencers, ['NullF'], 'the external module is not imported for a null device');
    const ipmi = await registry.fencerFor('external/ipmi', c);
    assert.equal(ipmi.type, 'external/*');
    assert.equal(await registry.fencerFor('external/ssh', c), ipmi);
  });

  it('an unknown type is FENCE_NO_FENCER; validateFencing reports it and each fencer\'s own issues at their line', async () => {
    const registry = new PluginFencerRegistry([basic]);
    await assert.rejects(registry.fencerFor('rps10', container.createChildContainer()), (e) => isHaError(e) && e.code === 'FENCE_NO_FENCER');
    const issues = await validateFencing([device('rps10', '/dev/ttyS0', 5), device('null', '', 6), device('external/ipmi')], registry, {
      stonithPluginDir: '/usr/lib/stonith/plugins',
      commands: { run: () => Promise.reject(new Error('none')) },
      env: {},
    });
    assert.deepEqual(issues.map((i) => `${i.line}:${i.code}`), ['5:FENCE_NO_FENCER', '6:FENCE_BAD_PARAMETERS']);
    assert.match(issues[0]!.message, /^stonith_host \* rps10: no installed plugin provides STONITH type "rps10"$/);
  });

  it('two plugins declaring one type is FENCE_FENCER_CONFLICT; a module that is not a fencer is DAEMON_PLUGIN_SHAPE', async () => {
    const twin = plugin('@t/twin', { null: './dist/N.js#N' }, { 'dist/N.js': fencerModule('N', 'null') });
    const conflict = new PluginFencerRegistry([basic, twin]);
    await assert.rejects(conflict.fencerFor('null', container.createChildContainer()), (e) => isHaError(e) && e.code === 'FENCE_FENCER_CONFLICT');
    const wrong = plugin('@t/wrong', { ssh: './dist/W.js#W' }, { 'dist/W.js': 'export class W { type = "ssh"; }\n' });
    await assert.rejects(new PluginFencerRegistry([wrong]).fencerFor('ssh', container.createChildContainer()), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_SHAPE');
  });

  it('a malformed fencers section is refused up front', () => {
    const bad = { packageName: '@t/bad', packageRoot: root, manifest: { apiVersion: 1, fencers: { null: 'NullF.js' } } };
    assert.throws(() => new PluginFencerRegistry([bad]), (e) => isHaError(e) && e.code === 'DAEMON_PLUGIN_MANIFEST');
  });
});
