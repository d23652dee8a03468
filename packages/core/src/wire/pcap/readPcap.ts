import { HaError } from '../../errors/HaError.js';
import type { PcapRecord } from './PcapRecord.js';

const supportedLinkTypes = new Set([1, 113]);

/** True when the bytes start with a classic pcap magic number (either byte order, µs or ns). */
export function isPcap(bytes: Uint8Array): boolean {
  return magicOf(bytes) !== undefined;
}

/**
 * The frames of a classic libpcap file (`tcpdump -w`). Throws `WIRE_BAD_PCAP` for another format,
 * a link type other than Ethernet or Linux cooked, or a record cut short.
 */
export function readPcap(bytes: Uint8Array, source = 'capture'): PcapRecord[] {
  const magic = magicOf(bytes);
  if (magic === undefined || bytes.length < 24) throw new HaError('WIRE_BAD_PCAP', `${source} is not a classic pcap file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const le = magic.littleEndian;
  const linkType = view.getUint32(20, le) & 0x0fffffff; // the top bits carry FCS flags
  if (!supportedLinkTypes.has(linkType)) {
    throw new HaError('WIRE_BAD_PCAP', `${source} has link type ${linkType}; only Ethernet (1) and Linux cooked (113) are read`);
  }
  const records: PcapRecord[] = [];
  let offset = 24;
  while (offset < bytes.length) {
    if (offset + 16 > bytes.length) throw new HaError('WIRE_BAD_PCAP', `${source} ends inside the header of frame ${records.length + 1}`);
    const seconds = view.getUint32(offset, le);
    const fraction = view.getUint32(offset + 4, le);
    const captured = view.getUint32(offset + 8, le);
    offset += 16;
    if (offset + captured > bytes.length) throw new HaError('WIRE_BAD_PCAP', `${source} ends inside frame ${records.length + 1}`);
    records.push({
      index: records.length + 1,
      seconds,
      nanoseconds: magic.nanos ? fraction : fraction * 1000,
      linkType,
      frame: bytes.subarray(offset, offset + captured),
    });
    offset += captured;
  }
  return records;
}

function magicOf(bytes: Uint8Array): { littleEndian: boolean; nanos: boolean } | undefined {
  if (bytes.length < 4) return undefined;
  const m = ((bytes[0] as number) << 24) | ((bytes[1] as number) << 16) | ((bytes[2] as number) << 8) | (bytes[3] as number);
  switch (m >>> 0) {
    case 0xd4c3b2a1:
      return { littleEndian: true, nanos: false };
    case 0xa1b2c3d4:
      return { littleEndian: false, nanos: false };
    case 0x4d3cb2a1:
      return { littleEndian: true, nanos: true };
    case 0xa1b23c4d:
      return { littleEndian: false, nanos: true };
    default:
      return undefined;
  }
}
