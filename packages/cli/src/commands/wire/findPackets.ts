import { isPcap, parseUdpFrame, readPcap, type PcapRecord } from '@heartline/core';
import type { WirePacket } from './WirePacket.js';

/**
 * The heartbeat payloads of a capture (UDP datagrams from or to `port`) or of a raw file (one
 * payload, or a serial stream of several: each runs from its `###\n` or `>>>\n` to the next).
 */
export function findPackets(bytes: Uint8Array, port: number, source: string): WirePacket[] {
  return isPcap(bytes) ? fromPcap(readPcap(bytes, source), port) : fromRaw(bytes);
}

function fromPcap(records: PcapRecord[], port: number): WirePacket[] {
  const first = records[0];
  const packets: WirePacket[] = [];
  for (const record of records) {
    const udp = parseUdpFrame(record);
    if (udp === undefined || (udp.srcPort !== port && udp.dstPort !== port)) continue;
    const relative = first === undefined ? 0 : record.seconds - first.seconds + (record.nanoseconds - first.nanoseconds) / 1e9;
    const micros = String(Math.floor(record.nanoseconds / 1000)).padStart(6, '0');
    const time = `${new Date(record.seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')}.${micros}Z`;
    const macs = udp.srcMac === undefined ? '' : ` ${udp.srcMac} -> ${udp.dstMac ?? '?'}`;
    const src = `${udp.srcIp}:${udp.srcPort}`;
    const dst = `${udp.dstIp}:${udp.dstPort}`;
    packets.push({
      index: record.index,
      header: `=== #${record.index} +${relative.toFixed(6)} ${time}${macs} ${src} -> ${dst} udp payload ${udp.payload.length} B`,
      payload: udp.payload,
      source: { kind: 'pcap', time, src, dst },
    });
  }
  return packets;
}

function fromRaw(bytes: Uint8Array): WirePacket[] {
  const starts: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i + 3] !== 0x0a) continue;
    const c = bytes[i];
    if ((c === 0x23 || c === 0x3e) && bytes[i + 1] === c && bytes[i + 2] === c) starts.push(i);
  }
  if (starts[0] !== 0) starts.unshift(0); // leading bytes are reported as an undecodable packet
  return starts
    .filter((offset) => offset < bytes.length)
    .map((offset, k) => {
      const payload = bytes.subarray(offset, starts[k + 1] ?? bytes.length);
      return { index: k + 1, header: `=== message ${k + 1} at offset ${offset}, ${payload.length} B`, payload, source: { kind: 'raw', offset } };
    });
}
