/**
 * Bytes as a double-quoted C string: printable ASCII as is, `\n`, `\\`, `\"`, everything else
 * `\xNN` (the `raw:` lines of the vectors' dumps).
 */
export function escapeBytesC(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x22) out += '\\"';
    else if (b === 0x0a) out += '\\n';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out + '"';
}
