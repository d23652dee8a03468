/** One heartbeat payload found in the input, with where it came from. */
export interface WirePacket {
  /** pcap frame number (1-based), or message number in a raw stream. */
  readonly index: number;
  /** The header line of the vectors' dumps: frame time, addresses, size; or stream offset and size. */
  readonly header: string;
  readonly payload: Uint8Array;
  readonly source:
    | { readonly kind: 'pcap'; readonly time: string; readonly src: string; readonly dst: string }
    | { readonly kind: 'raw'; readonly offset: number };
}
