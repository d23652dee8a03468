/**
 * The operator's word that a node is down, for `meatware`-like fencing: a reset waits here until
 * someone runs `ha fence confirm NODE` (heartbeat's `meatclient -c NODE`). One per daemon, shared by
 * the node it runs (and the node it starts anew after a partition).
 */
export class FenceConfirmations {
  private readonly waiters = new Map<string, Set<() => void>>();

  /**
   * Resolves true once `node` is confirmed, false when `signal` aborts first (the node came back,
   * the daemon stops). Only a confirmation given while waiting counts: an old one never resets a
   * node that dies later.
   */
  waitFor(node: string, signal?: AbortSignal): Promise<boolean> {
    const name = node.toLowerCase();
    if (signal?.aborted === true) return Promise.resolve(false);
    return new Promise((resolve) => {
      const set = this.waiters.get(name) ?? new Set<() => void>();
      this.waiters.set(name, set);
      const done = (confirmed: boolean): void => {
        set.delete(wake);
        if (set.size === 0 && this.waiters.get(name) === set) this.waiters.delete(name);
        signal?.removeEventListener('abort', onAbort);
        resolve(confirmed);
      };
      const wake = (): void => done(true);
      const onAbort = (): void => done(false);
      set.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Confirms `node` to every reset waiting for it; returns how many were waiting (0: nothing to confirm). */
  confirm(node: string): number {
    const set = this.waiters.get(node.toLowerCase());
    if (set === undefined) return 0;
    const wakes = [...set];
    for (const wake of wakes) wake();
    return wakes.length;
  }

  isWaiting(node: string): boolean {
    return this.waiters.has(node.toLowerCase());
  }

  /** The nodes whose reset waits for a confirmation now. */
  waiting(): string[] {
    return [...this.waiters.keys()].sort();
  }
}
