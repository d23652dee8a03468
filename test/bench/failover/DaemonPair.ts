/** Which daemon runs on the owner (node1) and on the survivor (node2) of a failover cluster. */
export interface DaemonPair {
  readonly id: 'heartbeat' | 'heartline' | 'mixed' | 'heartline-noprobe';
  readonly label: string;
  readonly owner: 'heartbeat' | 'heartline';
  readonly survivor: 'heartbeat' | 'heartline';
  /** Appended to the VIP in haresources (Heartline's IPaddr options; heartbeat's IPaddr takes none). */
  readonly vipOptions: string;
}

/**
 * heartbeat on both nodes, Heartline on both, and Heartline taking over from heartbeat (the
 * default three); and, on request, Heartline without its duplicate-address ARP probe before the
 * VIP is added (`::probe_ms=0`), to measure what that probe costs a takeover.
 */
export const DAEMON_PAIRS: readonly DaemonPair[] = [
  { id: 'heartbeat', label: 'heartbeat 3.0.6', owner: 'heartbeat', survivor: 'heartbeat', vipOptions: '' },
  { id: 'heartline', label: 'Heartline', owner: 'heartline', survivor: 'heartline', vipOptions: '' },
  { id: 'mixed', label: 'heartbeat -> Heartline', owner: 'heartbeat', survivor: 'heartline', vipOptions: '' },
  { id: 'heartline-noprobe', label: 'Heartline, probe_ms=0', owner: 'heartline', survivor: 'heartline', vipOptions: '::probe_ms=0' },
];

/** The pairs a run measures unless told otherwise. */
export const DEFAULT_PAIRS = ['heartbeat', 'heartline', 'mixed'] as const;
