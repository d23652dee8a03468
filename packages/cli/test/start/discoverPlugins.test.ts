import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Config } from '@oclif/core';
import { discoverPlugins } from '../../src/start/discoverPlugins.js';

/** packages/cli, from dist/test/start where the test runs: the CLI oclif loads as its root plugin. */
const cliRoot = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = { apiVersion: 1, agents: { Acme: './dist/Acme.js#Acme' } };

interface Seen {
  readonly name: string;
  readonly version: string;
  readonly root: string;
}

/** What oclif itself loads with HA_DATA_DIR=dataDir: every plugin's name, version and directory. */
async function oclifSees(dataDir: string): Promise<Seen[]> {
  const previous = process.env['HA_DATA_DIR'];
  process.env['HA_DATA_DIR'] = dataDir;
  try {
    const config = await Config.load(cliRoot.replace(/\/$/, ''));
    return sorted(config.getPluginsList().map((p) => ({ name: p.name, version: p.version, root: p.root })));
  } finally {
    if (previous === undefined) delete process.env['HA_DATA_DIR'];
    else process.env['HA_DATA_DIR'] = previous;
  }
}

function leanSees(dataDir: string): Seen[] | undefined {
  const found = discoverPlugins(cliRoot.replace(/\/$/, ''), { ...process.env, HA_DATA_DIR: dataDir });
  return found === undefined ? undefined : sorted(found.map((p) => ({ name: p.name, version: p.version, root: p.root })));
}

function sorted(seen: Seen[]): Seen[] {
  return seen.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function writePackage(dir: string, pjson: Record<string, unknown>, withMain: boolean): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(withMain ? { ...pjson, main: 'index.js' } : pjson));
  if (withMain) writeFileSync(join(dir, 'index.js'), '');
}

/** A data directory as `ha plugins install` and `ha plugins link` leave it. */
function writeDataDir(dataDir: string, plugins: ReadonlyArray<{ type: 'user' | 'link'; name: string; root?: string }>): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'package.json'), JSON.stringify({ private: true, oclif: { schema: 1, plugins } }));
}

describe('discoverPlugins finds the plugins oclif finds, or leaves it to oclif', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hl-discover-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the bundled plugins, with no data directory', async () => {
    const dataDir = join(dir, 'none');
    const lean = leanSees(dataDir);
    assert.deepEqual(lean, await oclifSees(dataDir));
    assert.ok(lean!.some((p) => p.name === '@heartline/transport-udp'), JSON.stringify(lean));
  });

  it('installed plugins (with and without a main), their own plugins, a linked plugin, and an override of a bundled one', async () => {
    const dataDir = join(dir, 'installed');
    const modules = join(dataDir, 'node_modules');
    writePackage(join(modules, '@acme/agent-x'), {
      name: '@acme/agent-x', version: '1.2.3', heartline: manifest, dependencies: { '@acme/child': '1.0.0', other: '1' }, oclif: { plugins: ['@acme/child'] },
    }, true);
    writePackage(join(modules, '@acme/child'), { name: '@acme/child', version: '1.0.0', heartline: manifest, oclif: {} }, false);
    writePackage(join(modules, '@heartline/agent-lsb'), { name: '@heartline/agent-lsb', version: '9.9.9', heartline: manifest, oclif: {} }, false);
    writePackage(join(modules, 'plain-agent'), { name: 'plain-agent', version: '0.1.0', heartline: manifest }, true);
    const linked = join(dir, 'linked-y');
    writePackage(linked, { name: '@acme/agent-y', version: '2.0.0', heartline: manifest, oclif: {} }, true);
    writeDataDir(dataDir, [
      { type: 'user', name: '@acme/agent-x' },
      { type: 'user', name: '@heartline/agent-lsb' },
      { type: 'user', name: 'plain-agent' },
      { type: 'link', name: '@acme/agent-y', root: linked },
    ]);
    const lean = leanSees(dataDir);
    assert.deepEqual(lean, await oclifSees(dataDir));
    assert.deepEqual(lean!.filter((p) => /acme|plain|agent-lsb/.test(p.name)).map((p) => `${p.name}@${p.version}`), [
      '@acme/agent-x@1.2.3', '@acme/agent-y@2.0.0', '@acme/child@1.0.0', '@heartline/agent-lsb@9.9.9', 'plain-agent@0.1.0',
    ]);
  });

  it('leaves to oclif a plugin with a command hook, a missing plugin, a name pattern and an unreadable data file', () => {
    const hooked = join(dir, 'hooked');
    writePackage(join(hooked, 'node_modules', 'hooked'), { name: 'hooked', version: '1.0.0', oclif: { hooks: { init: './init.js' } } }, true);
    writeDataDir(hooked, [{ type: 'user', name: 'hooked' }]);
    assert.equal(leanSees(hooked), undefined);

    const missing = join(dir, 'missing');
    writeDataDir(missing, [{ type: 'user', name: 'not-installed' }]);
    assert.equal(leanSees(missing), undefined);

    const pattern = join(dir, 'pattern');
    writePackage(join(pattern, 'node_modules', 'parent'), { name: 'parent', version: '1.0.0', dependencies: { 'kid-a': '1' }, oclif: { plugins: ['kid-*'] } }, true);
    writeDataDir(pattern, [{ type: 'user', name: 'parent' }]);
    assert.equal(leanSees(pattern), undefined);

    const broken = join(dir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'package.json'), '{ not json');
    assert.equal(leanSees(broken), undefined);
  });

  it('keeps plugin-plugins\' install hooks (they never run under ha start)', () => {
    const dataDir = join(dir, 'install-hooks');
    writePackage(join(dataDir, 'node_modules', 'with-install-hook'), {
      name: 'with-install-hook', version: '1.0.0', heartline: manifest, oclif: { hooks: { 'plugins:postinstall': './x.js' } },
    }, true);
    writeDataDir(dataDir, [{ type: 'user', name: 'with-install-hook' }]);
    assert.ok(leanSees(dataDir)?.some((p) => p.name === 'with-install-hook'));
  });
});
