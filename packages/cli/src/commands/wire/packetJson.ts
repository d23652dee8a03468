import type { DecodeResult, HaMessage, OpenResult } from '@heartline/core';
import type { WirePacket } from './WirePacket.js';

/** The `--json` object of one packet (one per line; schema in the command's description). */
export function packetJson(packet: WirePacket, decoded: DecodeResult, opened: OpenResult | undefined): Record<string, unknown> {
  return {
    index: packet.index,
    ...packet.source,
    bytes: packet.payload.length,
    ...(decoded.ok
      ? {
          ok: true,
          format: decoded.format,
          fields: fieldsJson(decoded.message),
          ...(decoded.trailer === undefined ? {} : { trailer: decoded.trailer }),
        }
      : { ok: false, reason: decoded.reason, detail: decoded.detail }),
    ...(opened === undefined || !decoded.ok
      ? {}
      : { auth: opened.ok ? { ok: true, slot: opened.slot } : { ok: false, reason: opened.reason, detail: opened.detail } }),
    raw: Buffer.from(packet.payload).toString('base64'),
  };
}

function fieldsJson(msg: HaMessage): unknown[] {
  return msg.fields.map((f) => {
    switch (f.type) {
      case 'string':
      case 'list':
        return { name: f.name, type: f.type, value: f.value };
      case 'binary':
      case 'compressed':
        return { name: f.name, type: f.type, hex: Buffer.from(f.value).toString('hex') };
      case 'struct':
        return { name: f.name, type: f.type, fields: fieldsJson(f.value) };
    }
  });
}
