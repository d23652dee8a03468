/**
 * One thing that happens to a simulated cluster, then `pauseMs` of simulated time before the next.
 * Nodes are indices into the schedule's node list (node1 is 0).
 */
export type SimStep = (
  /** Power cut: the node and its services die; it boots again after `downMs` (at the end if absent). */
  | { readonly kind: 'crash'; readonly node: number; readonly downMs?: number }
  /** Graceful stop (SIGTERM); it starts again `downMs` after the stop completed (at the end if absent). */
  | { readonly kind: 'stop'; readonly node: number; readonly downMs?: number }
  /** `ha standby SET` / `ha takeover SET` on the node (refusals are fine: the timing is the point). */
  | { readonly kind: 'standby' | 'takeover'; readonly node: number; readonly set: 'all' | 'local' | 'foreign' }
  /** The resource dies wherever it runs (`kill -9`): resource monitoring must notice. */
  | { readonly kind: 'kill'; readonly resource: string }
  /** The network splits: `sides[i]` is node i's side; nodes on different sides hear nothing of each other. */
  | { readonly kind: 'partition'; readonly sides: readonly number[] }
  | { readonly kind: 'heal' }
  /** Network conditions from now on, between every two nodes: loss and duplication in %, delay range in ms. */
  | { readonly kind: 'weather'; readonly lossPct: number; readonly delayMs: readonly [number, number]; readonly dupPct: number }
  | { readonly kind: 'wait' }
) & { readonly pauseMs: number };
