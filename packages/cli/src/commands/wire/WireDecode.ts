import { HaCommand } from '../HaCommand.js';
import { Args, Flags } from '@oclif/core';
import { decodeMessage, type OpenResult } from '@heartline/core';
import { describePacket } from './describePacket.js';
import { findPackets } from './findPackets.js';
import { loadWireAuth } from './loadWireAuth.js';
import { packetJson } from './packetJson.js';
import { readInput } from './readInput.js';

export class WireDecode extends HaCommand {
  static override summary = 'Decode heartbeat packets from a capture or a raw payload file';
  static override description = [
    'FILE is a classic pcap (tcpdump -w; UDP to or from --port), or raw bytes: one payload, or a',
    'serial stream of several (each from its "###\\n" or ">>>\\n" to the next); "-" reads stdin.',
    'Each packet is printed field by field like the vectors\' dumps; with --authkeys its',
    'authentication is checked by heartbeat\'s rule for its format and marked "auth OK" or',
    '"auth FAILED". Exits 0 once the input is read, whatever the packets hold.',
    '',
    '--json prints one object per packet per line: {index, kind: "pcap"|"raw", time, src, dst | offset,',
    'bytes, ok, format, fields: [{name, type, value | hex | fields}], trailer: {slot, token},',
    'auth: {ok, slot | reason, detail}, raw (base64)}; an undecodable packet has ok false, reason, detail.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> wire decode capture.pcap --authkeys /etc/ha.d/authkeys',
    'tcpdump -w - udp port 694 | <%= config.bin %> wire decode - --json',
  ];
  static override args = {
    file: Args.string({ description: 'pcap or raw payload file, - for stdin', required: true }),
  };
  static override flags = {
    authkeys: Flags.string({ description: 'authkeys file whose keys check each packet' }),
    port: Flags.integer({ description: 'UDP port of heartbeat traffic in a pcap', default: 694, min: 1, max: 65535 }),
    json: Flags.boolean({ description: 'one JSON object per packet per line', default: false }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(WireDecode);
    const keys = flags.authkeys === undefined ? undefined : await loadWireAuth(flags.authkeys);
    const bytes = await readInput(args.file);
    const packets = findPackets(bytes, flags.port, args.file === '-' ? 'stdin' : args.file);
    let decodedCount = 0;
    let authOk = 0;
    for (const packet of packets) {
      const decoded = decodeMessage(packet.payload);
      const opened: OpenResult | undefined = keys?.auth.open(packet.payload);
      if (decoded.ok) decodedCount++;
      if (opened?.ok === true) authOk++;
      if (flags.json) {
        this.log(JSON.stringify(packetJson(packet, decoded, opened)));
      } else {
        const method = opened?.ok === true ? keys?.method(opened.slot) : undefined;
        this.log([packet.header, ...describePacket(packet.payload, decoded, opened, method)].join('\n'));
      }
    }
    if (!flags.json) {
      const auth = keys === undefined ? '' : `, auth OK: ${authOk}, auth FAILED: ${packets.length - authOk}`;
      this.log(`# ${packets.length} heartbeat packet(s): decoded: ${decodedCount}${auth}`);
    }
  }
}
