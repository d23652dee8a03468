import type { RowSamples } from './RowSamples.js';

/** One line of the failover table: a figure over the rounds of a row, as the JSON key and the printed label. */
export interface FailoverFigure {
  readonly key: string;
  readonly label: string;
  readonly pick: (s: RowSamples) => ReadonlyArray<number | undefined>;
}

export const FAILOVER_FIGURES: readonly FailoverFigure[] = [
  { key: 'crashToDeadMs', label: "power cut -> 'is dead' (dead declared)", pick: (s) => s.crash.map((c) => c.detectionMs) },
  { key: 'lastStatusToDeadMs', label: "  owner's last status -> 'is dead'", pick: (s) => s.crash.map((c) => c.silenceMs) },
  { key: 'deadToGarpMs', label: "'is dead' -> first GARP (takeover overhead)", pick: (s) => s.crash.map((c) => c.overheadMs) },
  { key: 'crashToGarpMs', label: 'power cut -> first GARP', pick: (s) => s.crash.map((c) => c.crashToGarpMs) },
  { key: 'pingGapMs', label: 'client ping gap', pick: (s) => s.crash.map((c) => c.pingGapMs) },
  { key: 'arpGapMs', label: 'ARP answer gap (second client)', pick: (s) => s.crash.map((c) => c.arpGapMs) },
  { key: 'crashToServiceMs', label: 'power cut -> service started on the survivor', pick: (s) => s.crash.map((c) => c.crashToServiceMs) },
  { key: 'standbyPingGapMs', label: 'standby: client ping gap', pick: (s) => s.standby.map((m) => m.pingGapMs) },
  { key: 'standbyRequestToGarpMs', label: 'standby: request -> first GARP', pick: (s) => s.standby.map((m) => m.requestToGarpMs) },
  { key: 'standbyServiceGapMs', label: 'standby: service stop -> start', pick: (s) => s.standby.map((m) => m.serviceGapMs) },
  { key: 'failbackPingGapMs', label: 'failback: client ping gap', pick: (s) => s.failback.map((m) => m.pingGapMs) },
  { key: 'failbackHandoverMs', label: 'failback: VIP removed -> first GARP', pick: (s) => s.failback.map((m) => m.handoverMs) },
  { key: 'failbackServiceGapMs', label: 'failback: service stop -> start', pick: (s) => s.failback.map((m) => m.serviceGapMs) },
];

/**
 * Where the time of a takeover goes, step by step (medians), from the power cut to the client's
 * first answer: the wire (tcpdump on the bridge), the survivor's log lines (as they appeared), the
 * ping client.
 */
export const TAKEOVER_BREAKDOWN: readonly FailoverFigure[] = [
  { key: 'crashToLastStatusMs', label: "power cut -> owner's last status (its keepalive phase)", pick: (s) => s.crash.map((c) => c.lastStatusMs) },
  { key: 'lastStatusToDeadMs', label: "owner's last status -> 'is dead'", pick: (s) => s.crash.map((c) => c.silenceMs) },
  { key: 'deadToTakeoverMs', label: "'is dead' -> 'Taking over resource group'", pick: (s) => s.crash.map((c) => c.steps.takeover) },
  { key: 'deadToVipStartMs', label: "'is dead' -> VIP start (log line)", pick: (s) => s.crash.map((c) => c.steps.vip) },
  { key: 'deadToProbeMs', label: "'is dead' -> duplicate-address probe on the wire", pick: (s) => s.crash.map((c) => c.deadToProbeMs) },
  { key: 'deadToGarpMs', label: "'is dead' -> first GARP on the wire", pick: (s) => s.crash.map((c) => c.overheadMs) },
  { key: 'garpToReplyMs', label: 'first GARP -> first ping reply', pick: (s) => s.crash.map((c) => c.garpToReplyMs) },
  { key: 'deadToServiceLineMs', label: "'is dead' -> 'Running /etc/init.d/hlsvc start'", pick: (s) => s.crash.map((c) => c.steps.service) },
  { key: 'deadToCompleteMs', label: "'is dead' -> 'takeover complete'", pick: (s) => s.crash.map((c) => c.steps.complete) },
];
