/**
 * The name a fencer is declared under for a STONITH type: the type itself when declared, else
 * `external/*` for any `external/NAME` (cluster-glue's external plugin runs every such script).
 */
export function fencerKey(type: string, declared: (name: string) => boolean): string | undefined {
  if (declared(type)) return type;
  if (type.startsWith('external/') && type.length > 'external/'.length && declared('external/*')) return 'external/*';
  return undefined;
}
