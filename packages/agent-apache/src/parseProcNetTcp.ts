import type { TcpSocket } from './TcpSocket.js';

/** TCP_ESTABLISHED, TCP_CLOSE_WAIT (a request whose client has closed its side may still be served), TCP_LISTEN. */
const STATES: Record<string, TcpSocket['state']> = { '01': 'established', '08': 'established', '0A': 'listen' };

/**
 * /proc/net/tcp or /proc/net/tcp6: local address and port, state and inode of each socket. The
 * kernel prints each 32-bit word of an address in host byte order (`3D00D50A:0050` is
 * 10.213.0.61:80 on a little-endian machine).
 */
export function parseProcNetTcp(text: string, littleEndian: boolean): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local, state, inode] = [fields[1], fields[3], fields[9]];
    if (local === undefined || state === undefined || inode === undefined) continue;
    const [hex = '', portHex = ''] = local.split(':');
    const bytes = addressBytes(hex, littleEndian);
    if (bytes === undefined) continue;
    sockets.push({ address: formatAddress(bytes), port: parseInt(portHex, 16), state: STATES[state.toUpperCase()] ?? 'other', inode: Number(inode) });
  }
  return sockets;
}

function addressBytes(hex: string, littleEndian: boolean): number[] | undefined {
  if (!/^[0-9A-Fa-f]+$/.test(hex) || (hex.length !== 8 && hex.length !== 32)) return undefined;
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    const wordBytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(word + i, word + i + 2), 16));
    bytes.push(...(littleEndian ? wordBytes.reverse() : wordBytes));
  }
  return bytes;
}

function formatAddress(bytes: number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const isMapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isMapped) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = [0, 2, 4, 6, 8, 10, 12, 14].map((i) => (((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  // The longest run of zero groups becomes ::, as inet_ntop writes it.
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}
