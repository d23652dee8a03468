import type { HeartlinePlugin } from './HeartlinePlugin.js';

/**
 * Which plugins serve each agent type, media kind or STONITH type, from the plugins this Heartline accepts, sorted
 * by name (case-insensitive, as admins read them). Two packages for one name are a conflict.
 */
export function servedBy(plugins: readonly HeartlinePlugin[], section: 'agents' | 'transports' | 'fencers'): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const plugin of plugins) {
    for (const name of plugin[section]) byName.set(name, [...(byName.get(name) ?? []), plugin.name]);
  }
  return new Map([...byName].sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b)));
}
