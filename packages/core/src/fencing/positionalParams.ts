const BLANKS = ' \t\n\r\f';

/**
 * cluster-glue's Stonith1 parameter line (stonith1_compat_string_to_NVpair): the values of `text`,
 * separated by blanks, go to `names` in order, and the last name takes the rest of the line,
 * blanks and all. Undefined when there are fewer values than names (heartbeat: "Invalid Stonith
 * configuration parameter"); extra values end up in the last one, as cluster-glue leaves them.
 */
export function positionalParams(names: readonly string[], text: string): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  let at = 0;
  for (const [i, name] of names.entries()) {
    while (at < text.length && BLANKS.includes(text.charAt(at))) at++;
    if (at >= text.length) return undefined;
    let end = text.length;
    if (i < names.length - 1) {
      end = at;
      while (end < text.length && !BLANKS.includes(text.charAt(end))) end++;
    }
    values[name] = text.slice(at, end);
    at = end;
  }
  return values;
}
