/** One ARP frame as `tcpdump -e -tt -n` prints it: capture time (epoch ms, the host's clock) and source MAC. */
export interface ArpFrame {
  readonly atMs: number;
  readonly from: string;
  readonly text: string;
}
