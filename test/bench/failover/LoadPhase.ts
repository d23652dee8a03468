/** A load applied to every cluster at once: busy loops on every CPU, 10 % loss of cluster datagrams, or both. */
export type LoadPhase = 'cpu' | 'loss' | 'cpu+loss';

export const LOAD_PHASES: readonly LoadPhase[] = ['cpu', 'loss', 'cpu+loss'];

/** The datagrams each node drops as they arrive, percent (nftables in its namespace). */
export const LOSS_PERCENT = 10;
