/**
 * Refused packets counted by reason only, never by sender, so the set of names stays small and
 * fixed: what a metrics endpoint can export as counters.
 */
export interface PacketRefusals {
  /** Refused before membership (decode, authentication): the counts of ClusterNodeStatus.badPackets. */
  readonly badPackets: Readonly<Record<string, number>>;
  /** Authenticated packets membership refused: replays of an old generation, bad sequence fields... */
  readonly membership: Readonly<Record<string, number>>;
  /** Of both, the ones counted but not logged in full because a flood of them was being summarised. */
  readonly unlogged: Readonly<Record<string, number>>;
}
