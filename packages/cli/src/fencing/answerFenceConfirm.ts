import type { FenceConfirmations } from '@heartline/core';

/** The daemon's answer to `{"query":"fence-confirm","node":NODE}` (`ha fence confirm NODE`). */
export function answerFenceConfirm(confirmations: FenceConfirmations, node: unknown): { readonly confirmed: boolean; readonly waiting: readonly string[] } {
  if (typeof node !== 'string' || node.trim() === '') throw new Error(`node must be a node name, not ${JSON.stringify(node)}`);
  return { confirmed: confirmations.confirm(node.trim()) > 0, waiting: confirmations.waiting() };
}
