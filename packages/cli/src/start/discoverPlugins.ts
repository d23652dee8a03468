import { existsSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PluginPackage } from '../plugins/PluginPackage.js';
import { oclifPluginRoot, readJson } from './oclifPluginRoot.js';

interface OclifSection {
  readonly bin?: string;
  readonly dirname?: string;
  readonly binAliases?: unknown;
  readonly plugins?: readonly unknown[];
  readonly devPlugins?: unknown;
  readonly jitPlugins?: unknown;
  readonly hooks?: Readonly<Record<string, unknown>>;
}
interface Pjson extends Record<string, unknown> {
  readonly name?: string;
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly oclif?: OclifSection;
}
interface Wanted {
  readonly name: string;
  /** Where oclif looks for it from; a linked plugin's own directory. */
  readonly from: string;
  readonly linked: boolean;
}

/** Why the lean path leaves the plugin list to oclif: something it does not read the way oclif does. */
class AskOclif extends Error {}

/**
 * Hooks that cannot run while `ha start` runs (@oclif/plugin-plugins' own, and `update`); any other
 * (init, preparse, prerun, postrun, finally…) runs around every command, so its plugin needs oclif.
 */
const idleHook = (name: string): boolean => name.startsWith('plugins:') || name === 'update';
/** Files oclif searches for a plugin's configuration when its package.json has no `oclif` section. */
const RC_FILES = ['.oclifrc', '.oclifrc.json', '.oclifrc.js', '.oclifrc.mjs', '.oclifrc.cjs', 'oclif.config.js', 'oclif.config.mjs', 'oclif.config.cjs'];

/**
 * The plugins oclif 4 would load for the CLI at `cliRoot`, read from package.json files the way its
 * plugin loader reads them, without loading oclif: the user's installed plugins, then linked ones
 * (both listed in oclif's data directory), then the CLI's bundled ones, each followed by the plugins
 * it declares itself; the first of a name wins. Undefined when the installation uses what only oclif
 * handles — name patterns, dev or JIT plugins, rc files, command hooks, a plugin oclif would warn
 * about (missing, unreadable) — so that the caller asks oclif and behaves exactly as before.
 */
export function discoverPlugins(cliRoot: string, env: NodeJS.ProcessEnv = process.env): PluginPackage[] | undefined {
  try {
    const root = pjsonOf(cliRoot);
    const oclif = root.oclif ?? {};
    if (root.name === undefined || oclif.binAliases !== undefined || oclif.devPlugins !== undefined || oclif.jitPlugins !== undefined) throw new AskOclif();
    const found = new Map<string, PluginPackage>();
    const load = (wanted: readonly Wanted[]): void => {
      for (const w of wanted) {
        if (found.has(w.name)) continue;
        const dir = w.linked ? w.from : oclifPluginRoot(w.name, w.from);
        if (dir === undefined) throw new AskOclif();
        const pjson = pjsonOf(dir);
        if (pjson.name === undefined) throw new AskOclif();
        found.set(pjson.name, { name: pjson.name, version: pjson.version ?? '', root: dir, pjson });
        load(dependenciesNamed(pjson, dir));
      }
    };
    found.set(root.name, { name: root.name, version: root.version ?? '', root: cliRoot, pjson: root });
    const userPjson = join(dataDir(root.name, oclif, env), 'package.json');
    const user = readJson(userPjson) as Pjson | undefined;
    if (user === undefined && existsSync(userPjson)) throw new AskOclif();
    const entries = (user?.oclif?.plugins ?? []) as ReadonlyArray<{ type?: unknown; name?: unknown; root?: unknown }>;
    for (const type of ['user', 'link']) {
      load(entries.filter((e) => e.type === type).map((e) => {
        if (typeof e.name !== 'string' || (e.root !== undefined && typeof e.root !== 'string')) throw new AskOclif();
        return { name: e.name, from: (e.root as string | undefined) ?? userPjson, linked: type === 'link' };
      }));
    }
    load(dependenciesNamed(root, cliRoot));
    const plugins = [...found.values()];
    if (plugins.some((p) => Object.keys((p.pjson as Pjson).oclif?.hooks ?? {}).some((h) => !idleHook(h)))) throw new AskOclif();
    return plugins;
  } catch (error) {
    if (error instanceof AskOclif) return undefined;
    throw error;
  }
}

/** A package's package.json; one without an `oclif` section but with a legacy section or an rc file is oclif's to read. */
function pjsonOf(dir: string): Pjson {
  const pjson = readJson(join(dir, 'package.json')) as Pjson | undefined;
  if (pjson === undefined || pjson === null || typeof pjson !== 'object') throw new AskOclif();
  if (pjson.oclif === undefined && (pjson['cli-engine'] !== undefined || RC_FILES.some((f) => existsSync(join(dir, f))))) throw new AskOclif();
  return pjson;
}

/**
 * oclif.plugins of a package matched against its dependencies (in the dependencies' order, as oclif
 * does); plain names only, a pattern is oclif's to match.
 */
function dependenciesNamed(pjson: Pjson, dir: string): Wanted[] {
  const patterns = pjson.oclif?.plugins ?? [];
  if (patterns.some((p) => typeof p !== 'string' || p === '' || p.startsWith('#') || /[*?[\]{}()!+]/.test(p))) throw new AskOclif();
  return Object.keys(pjson.dependencies ?? {})
    .filter((d) => patterns.includes(d))
    .map((name) => ({ name, from: dir, linked: false }));
}

/** oclif's data directory: <BIN>_DATA_DIR, else $XDG_DATA_HOME/<dirname>, else ~/.local/share/<dirname>. */
function dataDir(name: string, oclif: OclifSection, env: NodeJS.ProcessEnv): string {
  const bin = oclif.bin ?? name;
  const scoped = env[`${bin.replaceAll('@', '').replaceAll(/[/-]/g, '_')}_DATA_DIR`.toUpperCase()];
  if (scoped) return scoped;
  const home = env['HOME'] || homedir() || tmpdir();
  return join(env['XDG_DATA_HOME'] || join(home, '.local/share'), oclif.dirname ?? name);
}
