import type { FenceResult } from './FenceResult.js';

/** Builds fence results, so a fencer reads as what it decides. */
export const fenceResults = {
  ok: (): FenceResult => ({ status: 'ok' }),
  /** The device failed, or answered that the reset did not happen. */
  bad: (reason: string): FenceResult => ({ status: 'failed', result: 'bad', reason }),
  /** The device does not control that node. */
  badHost: (reason: string): FenceResult => ({ status: 'failed', result: 'badhost', reason }),
} as const;
