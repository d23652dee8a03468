import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { MediaSpec } from '../config/MediaSpec.js';
import { errorCatalogue } from '../errors/errorCatalogue.js';

/**
 * What `ha start` would refuse about ha.cf's media, found without opening any: a medium no
 * installed plugin provides, or one that two plugins claim. `providers` maps each medium kind to
 * the packages declaring it (PluginTransportRegistry.kinds()).
 */
export function validateMedia(media: readonly MediaSpec[], providers: ReadonlyMap<string, readonly string[]>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const spec of media) {
    const packages = providers.get(spec.kind) ?? [];
    if (packages.length === 1) continue;
    const code = packages.length === 0 ? 'DAEMON_NO_TRANSPORT' : 'DAEMON_TRANSPORT_CONFLICT';
    const message =
      packages.length === 0
        ? `no installed plugin provides "${spec.kind}" media`
        : `"${spec.kind}" media are provided by ${packages.join(' and ')}`;
    issues.push({ ...spec.where, code, severity: 'error', message, hint: errorCatalogue[code].hint });
  }
  return issues;
}
