/** The program that announces a virtual IP on the wire, found at start-up. */
export interface GarpTool {
  /** send_arp (resource-agents), arping (iputils-arping), send_ua (resource-agents, IPv6). */
  readonly kind: 'send_arp' | 'arping' | 'send_ua';
  readonly path: string;
  /** The executable as /proc/PID/exe names it (symlinks resolved): how its process is recognised. */
  readonly exe: string;
}
