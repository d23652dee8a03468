import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluginIncompatibility } from '../../src/plugins/pluginIncompatibility.js';
import type { PluginPackage } from '../../src/plugins/PluginPackage.js';

const plugin = (pjson: PluginPackage['pjson']): PluginPackage => ({ name: '@acme/p', version: '2.0.0', root: '/opt/p', pjson });
const manifest = { apiVersion: 1, agents: { Marker: './Marker.js#Marker' } };

test('a plugin whose manifest and core range match is accepted', () => {
  assert.equal(pluginIncompatibility(plugin({ heartline: manifest, peerDependencies: { '@heartline/core': '^0.1.0' } }), '0.1.3'), undefined);
});

test('another plugin API version is refused with both versions named', () => {
  const refused = pluginIncompatibility(plugin({ heartline: { ...manifest, apiVersion: 2 } }), '0.1.0');
  assert.equal(refused?.code, 'DAEMON_PLUGIN_API_VERSION');
  assert.match(refused.message, /declares heartline\.apiVersion 2; this Heartline implements 1/);
});

test('a malformed manifest is refused as such', () => {
  assert.equal(pluginIncompatibility(plugin({ heartline: { apiVersion: 1, agents: { X: 'no-dot-slash.js' } } }), '0.1.0')?.code, 'DAEMON_PLUGIN_MANIFEST');
});

test('a core range that leaves out the running core is refused with the range and the version', () => {
  const refused = pluginIncompatibility(plugin({ heartline: manifest, peerDependencies: { '@heartline/core': '^0.2.0' } }), '0.1.0');
  assert.equal(refused?.code, 'DAEMON_PLUGIN_CORE_VERSION');
  assert.equal(refused.message, 'plugin @acme/p 2.0.0 needs @heartline/core ^0.2.0; this Heartline runs @heartline/core 0.1.0');
  assert.equal(refused.exitCode, 78);
});

test('dependencies is read when there is no peer range; a pre-release core is judged by its version', () => {
  assert.equal(pluginIncompatibility(plugin({ heartline: manifest, dependencies: { '@heartline/core': '~0.1.0' } }), '0.2.0')?.code, 'DAEMON_PLUGIN_CORE_VERSION');
  assert.equal(pluginIncompatibility(plugin({ heartline: manifest, peerDependencies: { '@heartline/core': '^0.3.0-0' } }), '0.3.0-rc.1'), undefined);
});

test('no range, or a spec that is no semver range (a link, a dist-tag), cannot be judged and passes', () => {
  assert.equal(pluginIncompatibility(plugin({ heartline: manifest }), '0.1.0'), undefined);
  for (const spec of ['file:../core', 'latest', 'github:acme/core']) {
    assert.equal(pluginIncompatibility(plugin({ heartline: manifest, peerDependencies: { '@heartline/core': spec } }), '0.1.0'), undefined, spec);
  }
});
