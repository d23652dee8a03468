/** heartbeat's `struct seqtrack`: what we know of one sender's sequence numbers. */
export interface SeqTrack {
  /** The sender's generation, learnt from its status messages; 0 until known. */
  generation: number;
  /** Last in-order seq accepted; undefined is heartbeat's NOSEQUENCE. */
  lastSeq: number | undefined;
  /** Smallest missing seq, 0 when none. */
  firstMissingSeq: number;
  /** Missing seqs still awaited (at most 499). */
  readonly missing: Set<number>;
  /** Random 0..9 chosen when the node was added: we ACK its seqs that end in this digit. */
  readonly ackTrigger: number;
  /** Highest of our seqs this node has acknowledged. */
  ackseq: number;
}
