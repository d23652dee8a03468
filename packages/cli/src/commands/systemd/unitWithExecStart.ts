/**
 * The unit text with its ExecStart= line replaced by `command`, each word quoted as systemd reads
 * it when it holds a blank, a quote or a backslash ($ and % are escaped: systemd would expand them).
 */
export function unitWithExecStart(unit: string, command: readonly string[]): string {
  const line = `ExecStart=${command.map(quote).join(' ')}`;
  let replaced = false;
  const out = unit.replace(/^ExecStart=.*$/m, () => {
    replaced = true;
    return line;
  });
  if (!replaced) throw new Error('the unit has no ExecStart= line');
  return out;
}

function quote(word: string): string {
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (!/[\s"'\\]/.test(escaped) && escaped !== '') return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
