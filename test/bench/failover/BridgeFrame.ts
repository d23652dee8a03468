/** One frame tcpdump saw on the lab's bridge: ARP, or a cluster status message (UDP port 694, `t=status`). */
export interface BridgeFrame {
  /** Capture time, epoch ms (the kernel's wall clock, as `performance.timeOrigin + performance.now()`). */
  readonly atMs: number;
  readonly srcMac: string;
  readonly dstMac: string;
  readonly kind: 'arp' | 'status';
  /** The sender's IPv4 address, for status messages. */
  readonly srcIp: string | undefined;
  /** Bytes on the wire (Ethernet frame length). */
  readonly length: number;
  /** tcpdump's line, for ARP: `… Request who-has A tell B, length 28` or `… Reply A is-at MAC, length 28`. */
  readonly text: string;
}
