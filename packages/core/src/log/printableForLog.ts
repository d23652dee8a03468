/**
 * Text that came off the wire, safe to put in one log line: control characters (a newline would
 * forge a second line) become `\xNN`, and anything past `maxChars` is cut and marked with `...`.
 */
export function printableForLog(text: string, maxChars: number): string {
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count >= maxChars) return `${out}...`;
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
    count += 1;
  }
  return out;
}
