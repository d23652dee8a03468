import type { PluginDescriptor } from './PluginDescriptor.js';
import { validateManifest } from './validateManifest.js';

/** One plugin's entry for a name: the package and its `./module.js#Export` target. */
export interface ManifestEntry {
  readonly descriptor: PluginDescriptor;
  readonly target: string;
}

/**
 * Which installed plugins declare each name of one manifest section (`transports`, `agents` or `fencers`),
 * read from their package.json without running any of their code. Every manifest is validated
 * up front, so a broken plugin is reported at start, not at the first failover.
 */
export class ManifestIndex {
  private readonly byName = new Map<string, ManifestEntry[]>();

  constructor(descriptors: readonly PluginDescriptor[], section: 'transports' | 'agents' | 'fencers') {
    for (const descriptor of descriptors) {
      for (const [name, target] of Object.entries(validateManifest(descriptor)[section])) {
        const list = this.byName.get(name) ?? [];
        list.push({ descriptor, target });
        this.byName.set(name, list);
      }
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entries(name: string): readonly ManifestEntry[] {
    return this.byName.get(name) ?? [];
  }

  /** Each name with the packages declaring it. */
  names(): ReadonlyMap<string, readonly string[]> {
    return new Map([...this.byName].map(([name, list]) => [name, list.map((p) => p.descriptor.packageName)]));
  }
}
