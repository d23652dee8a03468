/** One captured frame of a classic libpcap file. */
export interface PcapRecord {
  /** 1-based position in the file, as tcpdump and Wireshark number frames. */
  readonly index: number;
  readonly seconds: number;
  /** Sub-second part in nanoseconds (microsecond files are scaled up). */
  readonly nanoseconds: number;
  /** pcap link type: 1 Ethernet, 113 Linux cooked (`tcpdump -i any`). */
  readonly linkType: number;
  readonly frame: Uint8Array;
}
