import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginDescriptor } from '@heartline/core';
import { isHaError } from '@heartline/core/errors';
import { coreVersion } from '../plugins/coreVersion.js';
import { descriptorsOf } from '../plugins/descriptorsOf.js';
import type { PluginPackage } from '../plugins/PluginPackage.js';
import { haErrorText } from '../status/haErrorText.js';
import { discoverPlugins } from './discoverPlugins.js';
import { parseStartArgv } from './parseStartArgv.js';
import { runDaemon } from './runDaemon.js';

/** This package's directory (dist/src/start/ is three levels below it): oclif's root plugin. */
const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * `ha start …` without oclif: what bin/ha.js runs first for `start`, so that the daemon, which runs
 * for months, does not carry oclif's command machinery, its plugin manager and every command's
 * module. Returns false, having done nothing, when the command line is not one it reads exactly or
 * the installed plugins are not ones it reads exactly (then oclif runs the Start command, as before);
 * otherwise runs the daemon until it stops and returns true. A catalogued error is printed and exits
 * as HaCommand does; anything else goes to oclif's error handler, loaded then.
 */
export async function runLeanStart(argv: readonly string[]): Promise<boolean> {
  const flags = parseStartArgv(argv);
  if (flags === undefined) return false;
  const packages = discoverPlugins(cliRoot);
  if (packages === undefined) return false;
  try {
    const version = packages.find((p) => p.root === cliRoot)?.version ?? '0.0.0';
    await runDaemon(flags, descriptorsOf(packages, coreVersion()), reloadPlugins, version);
  } catch (error) {
    if (isHaError(error)) {
      process.stderr.write(haErrorText(error));
      process.exit(error.exitCode);
    }
    const { handle } = await import('@oclif/core');
    await handle(error as Error);
  }
  return true;
}

/** SIGHUP re-reads the installed plugins; when the lean reading cannot, oclif reads them (loaded then). */
async function reloadPlugins(): Promise<readonly PluginDescriptor[]> {
  return descriptorsOf(discoverPlugins(cliRoot) ?? (await oclifPlugins()), coreVersion());
}

async function oclifPlugins(): Promise<PluginPackage[]> {
  const { Config } = await import('@oclif/core');
  const config = await Config.load(cliRoot);
  return config.getPluginsList().map((p) => ({ name: p.name, version: p.version, root: p.root, pjson: p.pjson as PluginPackage['pjson'] }));
}
