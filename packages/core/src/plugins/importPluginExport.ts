import { basename, extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HaError } from '../errors/HaError.js';
import type { PluginDescriptor } from './PluginDescriptor.js';

/** Imports `./module.js#Export` from a plugin package; the export defaults to the file's name. */
export async function importPluginExport(descriptor: PluginDescriptor, target: string): Promise<unknown> {
  const [modulePath = '', exportName] = target.split('#');
  const file = resolve(descriptor.packageRoot, modulePath);
  if (!file.startsWith(resolve(descriptor.packageRoot) + sep)) {
    throw new HaError('DAEMON_PLUGIN_MANIFEST', `plugin ${descriptor.packageName}: ${target} points outside the package`);
  }
  const name = exportName ?? basename(file, extname(file));
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new HaError('DAEMON_PLUGIN_LOAD', `plugin ${descriptor.packageName}: cannot load ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!(name in module)) {
    throw new HaError('DAEMON_PLUGIN_LOAD', `plugin ${descriptor.packageName}: ${file} has no export named ${name}`);
  }
  return module[name];
}
