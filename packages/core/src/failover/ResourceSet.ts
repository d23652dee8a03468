/**
 * heartbeat's resource bitmask, seen from one node: its own groups (local), everybody else's
 * (foreign). The names are what `rsc_hold=` carries on the wire.
 */
export const ResourceSet = { none: 0, local: 1, foreign: 2, all: 3 } as const;
export type ResourceSetBits = 0 | 1 | 2 | 3;

const names = ['none', 'local', 'foreign', 'all'] as const;
export type ResourceSetName = (typeof names)[number];

export function resourceSetName(bits: number): ResourceSetName | '(undefined)' {
  return names[bits] ?? '(undefined)';
}

/** encode_resources: an unknown name is `none` (heartbeat logs and carries on). */
export function parseResourceSet(name: string | undefined): ResourceSetBits | undefined {
  const index = names.indexOf(name as ResourceSetName);
  return index < 0 ? undefined : (index as ResourceSetBits);
}

export function isResourceSetName(name: string): name is ResourceSetName {
  return (names as readonly string[]).includes(name);
}
