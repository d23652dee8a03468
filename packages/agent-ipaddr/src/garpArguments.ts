import type { GarpTool } from './GarpTool.js';
import { formatIp } from './formatIp.js';
import type { ResolvedAddress } from './ResolvedAddress.js';

/**
 * The whole burst as one command line:
 * - send_arp as IPaddr2 runs it: `-i MS -r COUNT -p PIDFILE NIC IP auto not_used not_used`, each
 *   repeat an ARP request then, MS/2 later, an ARP reply, both broadcast, sender = target = the VIP;
 * - arping (iputils) `-U -c COUNT -i S -w DEADLINE -I NIC IP`: unsolicited requests, its interval
 *   in whole seconds (at least 1);
 * - send_ua `-i MS -c COUNT IP PREFIX NIC`: unsolicited neighbour advertisements to all nodes.
 */
export function garpArguments(tool: GarpTool, resolved: ResolvedAddress, pidFile: string): string[] {
  const { spec, link } = resolved;
  const ip = formatIp(spec.bytes);
  switch (tool.kind) {
    case 'send_arp':
      return ['-i', String(spec.arpIntervalMs), '-r', String(spec.arpCount), '-p', pidFile, link.name, ip, 'auto', 'not_used', 'not_used'];
    case 'arping': {
      const seconds = Math.max(1, Math.round(spec.arpIntervalMs / 1000));
      return ['-U', '-c', String(spec.arpCount), '-i', String(seconds), '-w', String(spec.arpCount * seconds + 1), '-I', link.name, ip];
    }
    case 'send_ua':
      return ['-i', String(spec.arpIntervalMs), '-c', String(spec.arpCount), ip, String(resolved.prefixLength), link.name];
  }
}
