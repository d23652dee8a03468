import type { PcapRecord } from './PcapRecord.js';
import type { UdpDatagram } from './UdpDatagram.js';

/**
 * The IPv4 UDP datagram in a captured frame, or undefined for anything else (ARP, IPv6, other
 * protocols, non-first fragments, frames cut short by the snap length).
 */
export function parseUdpFrame(record: PcapRecord): UdpDatagram | undefined {
  const f = record.frame;
  const view = new DataView(f.buffer, f.byteOffset, f.length);
  let ip: number;
  let srcMac: string | undefined;
  let dstMac: string | undefined;
  if (record.linkType === 1) {
    if (f.length < 14) return undefined;
    let etherType = view.getUint16(12);
    ip = 14;
    if (etherType === 0x8100 && f.length >= 18) {
      etherType = view.getUint16(16); // one 802.1Q tag
      ip = 18;
    }
    if (etherType !== 0x0800) return undefined;
    dstMac = mac(f, 0);
    srcMac = mac(f, 6);
  } else {
    if (f.length < 16 || view.getUint16(14) !== 0x0800) return undefined;
    ip = 16;
  }
  if (f.length < ip + 20 || (f[ip] as number) >> 4 !== 4) return undefined;
  const headerBytes = ((f[ip] as number) & 0x0f) * 4;
  const totalLength = view.getUint16(ip + 2);
  const fragment = view.getUint16(ip + 6);
  if (f[ip + 9] !== 17 || (fragment & 0x1fff) !== 0 || (fragment & 0x2000) !== 0) return undefined;
  const udp = ip + headerBytes;
  if (headerBytes < 20 || f.length < udp + 8 || ip + totalLength > f.length) return undefined;
  const udpLength = view.getUint16(udp + 4);
  if (udpLength < 8 || udp + udpLength > ip + totalLength) return undefined;
  return {
    srcMac,
    dstMac,
    srcIp: f.subarray(ip + 12, ip + 16).join('.'),
    dstIp: f.subarray(ip + 16, ip + 20).join('.'),
    srcPort: view.getUint16(udp),
    dstPort: view.getUint16(udp + 2),
    payload: f.subarray(udp + 8, udp + udpLength),
  };
}

function mac(f: Uint8Array, at: number): string {
  return Array.from(f.subarray(at, at + 6), (b) => b.toString(16).padStart(2, '0')).join(':');
}
