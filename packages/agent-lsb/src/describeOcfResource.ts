import type { OcfResource } from './OcfResource.js';

export const defaultOcfRoot = '/usr/lib/ocf';

/**
 * `OCF::<type>::<instance>` (args `[type, instance]`, core has split the `::`), as heartbeat's
 * resource.d/OCF wrapper reads it; undefined when either part is missing.
 */
export function describeOcfResource(
  args: readonly string[],
  haDir: string,
  env: Readonly<Record<string, string>> | undefined,
): OcfResource | undefined {
  const [type, instance] = args;
  if (type === undefined || instance === undefined) return undefined;
  const root = env?.['OCF_ROOT'] ?? defaultOcfRoot;
  return {
    type,
    instance,
    root,
    agentPath: `${root}/resource.d/heartbeat/${type}`,
    instancePath: `${haDir}/conf/OCF/${type}/${instance}`,
  };
}
