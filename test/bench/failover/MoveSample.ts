/** One planned move of the group (standby, or failback to a node that came back), milliseconds. */
export interface MoveSample {
  /** The request (`hb_standby`/`ha standby`, or the returning node's daemon start) -> the new owner's first gratuitous ARP. */
  readonly requestToGarpMs: number | undefined;
  /** The VIP removed from the old owner (ip monitor) -> the new owner's first gratuitous ARP. */
  readonly handoverMs: number | undefined;
  /** The ping client's longest silence between two replies. */
  readonly pingGapMs: number | undefined;
  /** The ARP prober's longest wait between two answers. */
  readonly arpGapMs: number | undefined;
  /** The service's `stop` on the old owner -> its `start` on the new one (the init script's event logs). */
  readonly serviceGapMs: number | undefined;
}
