/**
 * Variables in a value: with `$`, the shell's `$NAME` and `${NAME}` (unset: empty); with `${}`,
 * apache's `${NAME}` only (unset: left as written, as apache does after its warning AH00111).
 */
export function expandVariables(value: string, lookup: (name: string) => string | undefined, style: '$' | '${}'): string {
  if (style === '${}') return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => lookup(name) ?? whole);
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string | undefined, bare: string | undefined) => lookup(braced ?? bare ?? '') ?? '');
}
