/**
 * Where Debian puts the tools, first found wins: resource-agents' send_arp and send_ua (what
 * heartbeat's IPaddr, IPaddr2 and IPv6addr run), iputils-arping's arping.
 */
export const toolPaths = {
  send_arp: ['/usr/libexec/heartbeat/send_arp', '/usr/lib/heartbeat/send_arp'],
  send_ua: ['/usr/libexec/heartbeat/send_ua', '/usr/lib/heartbeat/send_ua'],
  arping: ['/usr/bin/arping', '/usr/sbin/arping', '/bin/arping'],
} as const;
