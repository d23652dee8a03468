import { HaError } from '../errors/HaError.js';
import type { HeartlineManifest } from './HeartlineManifest.js';
import type { PluginDescriptor } from './PluginDescriptor.js';
import { pluginApiVersion } from './pluginApiVersion.js';

function entries(descriptor: PluginDescriptor, value: unknown, section: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HaError('DAEMON_PLUGIN_MANIFEST', `plugin ${descriptor.packageName}: heartline.${section} must be an object of name -> "./module.js#Export"`);
  }
  const out: Record<string, string> = {};
  for (const [name, target] of Object.entries(value)) {
    if (typeof target !== 'string' || !/^\.\/[^#]+(#[A-Za-z_$][\w$]*)?$/.test(target)) {
      throw new HaError(
        'DAEMON_PLUGIN_MANIFEST',
        `plugin ${descriptor.packageName}: heartline.${section}.${name} is ${JSON.stringify(target)}, expected "./module.js#Export"`,
      );
    }
    out[name] = target;
  }
  return out;
}

/** Checks a plugin's `heartline` section (shape and apiVersion) before anything of it is imported. */
export function validateManifest(descriptor: PluginDescriptor): HeartlineManifest {
  const m = descriptor.manifest;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) {
    throw new HaError('DAEMON_PLUGIN_MANIFEST', `plugin ${descriptor.packageName}: package.json "heartline" must be an object`);
  }
  const section = m as Record<string, unknown>;
  if (section['apiVersion'] !== pluginApiVersion) {
    throw new HaError(
      'DAEMON_PLUGIN_API_VERSION',
      `plugin ${descriptor.packageName} declares heartline.apiVersion ${JSON.stringify(section['apiVersion'])}; this Heartline implements ${pluginApiVersion}`,
    );
  }
  return {
    apiVersion: pluginApiVersion,
    transports: entries(descriptor, section['transports'], 'transports'),
    agents: entries(descriptor, section['agents'], 'agents'),
    fencers: entries(descriptor, section['fencers'], 'fencers'),
  };
}
