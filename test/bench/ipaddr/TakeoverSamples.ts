/** One daemon's takeover samples, milliseconds per crash of the VIP owner. */
export interface TakeoverSamples {
  /** From the power cut to the survivor's `node node1: is dead` line appearing in its log. */
  readonly crashToDead: number[];
  /** From that line to the survivor's first gratuitous ARP for the VIP on the bridge: the takeover overhead. */
  readonly deadToGarp: number[];
  /** From that line to the survivor's duplicate-address ARP probe for the VIP, when it sends one (Heartline's agent does). */
  readonly deadToProbe: number[];
  /** From the power cut to that GARP. */
  readonly crashToGarp: number[];
  /** The client's longest silence between two ping replies (pings every 10 ms), when it got replies again. */
  readonly pingGap: number[];
}
