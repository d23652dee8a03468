/**
 * The line of each directive in ha.cf text (its first occurrence, 1-based), read as the parser
 * reads a line: blanks, then the directive name up to a blank, `#` starting a comment.
 */
export function directiveLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const body = raw.split('#')[0]?.replace(/\r.*$/, '') ?? '';
    const name = /^[ \t]*(\S+)/.exec(body)?.[1];
    if (name === undefined) return;
    const directive = name === 'udp' ? 'bcast' : name;
    if (!lines.has(directive)) lines.set(directive, index + 1);
  });
  return lines;
}
