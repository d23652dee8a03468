/** The survivor's log lines timed in a takeover, after its `node node1: is dead`. */
export type TakeoverStep = 'takeover' | 'vip' | 'service' | 'complete';

/** One power cut of the owner, milliseconds; a figure the run could not see is left out. */
export interface CrashSample {
  /** Power cut -> the survivor's `node node1: is dead` in its log (followed every 5 ms). */
  readonly detectionMs: number;
  /** The owner's last status message on the bridge -> `is dead`: the silence the survivor waited, to compare with the deadtime. */
  readonly silenceMs: number | undefined;
  /** Power cut -> the owner's last status (the phase of its keepalive at the cut). */
  readonly lastStatusMs: number | undefined;
  /** `is dead` -> the survivor's first gratuitous ARP for the VIP on the bridge: the takeover overhead. */
  readonly overheadMs: number | undefined;
  /** `is dead` -> the survivor's duplicate-address ARP probe for the VIP (`who-has VIP tell 0.0.0.0`), when it sends one. */
  readonly deadToProbeMs: number | undefined;
  /** Power cut -> that first gratuitous ARP. */
  readonly crashToGarpMs: number | undefined;
  /** The ping client's longest silence between two replies (pings every 10 ms). */
  readonly pingGapMs: number | undefined;
  /** First gratuitous ARP -> the first ping reply after it. */
  readonly garpToReplyMs: number | undefined;
  /** The ARP prober's longest wait between two answers for the VIP (probes every 10 ms). */
  readonly arpGapMs: number | undefined;
  /** Power cut -> the service's `start` on the survivor (the init script's own event log). */
  readonly crashToServiceMs: number | undefined;
  /** `is dead` -> each of the survivor's takeover log lines. */
  readonly steps: Partial<Record<TakeoverStep, number>>;
}
