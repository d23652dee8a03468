/** The words of an apache config line, as ap_getword_conf splits them: blanks separate, "…" and '…' group. */
export function splitConfigWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const quoted = match[1] ?? match[2];
    words.push(quoted === undefined ? (match[3] ?? '') : quoted.replace(/\\(.)/g, '$1'));
  }
  return words;
}
