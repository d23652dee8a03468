import type { GarpTool } from './GarpTool.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { locateTool } from './locateTool.js';

/**
 * The announcing tool for a family: IPv4 prefers resource-agents' send_arp (heartbeat's own, with
 * millisecond intervals and request + reply pairs) over iputils' arping -U (whole-second
 * intervals); IPv6 uses send_ua. Undefined, with what to install, when none is there.
 */
export function locateGarpTool(
  family: 4 | 6,
  env: Pick<IpAddrEnvironment, 'isExecutable' | 'realPath'>,
): { readonly tool: GarpTool } | { readonly missing: string } {
  if (family === 6) {
    const tool = locateTool('send_ua', env);
    return tool === undefined ? { missing: 'send_ua (/usr/libexec/heartbeat/send_ua) is not installed: apt-get install resource-agents' } : { tool };
  }
  const tool = locateTool('send_arp', env) ?? locateTool('arping', env);
  return tool === undefined
    ? { missing: 'neither send_arp (/usr/libexec/heartbeat/send_arp, Debian package resource-agents) nor arping (Debian package iputils-arping) is installed' }
    : { tool };
}
