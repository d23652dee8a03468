/** Fencing as `ha status` shows it: the device, resets in progress, the last status check. */
export interface FencingStatus {
  /** The STONITH type of ha.cf in force, e.g. `external/ipmi`. */
  readonly device: string;
  /** Dead nodes being reset before their groups are taken over (retried every 5 s until one works). */
  readonly resets: ReadonlyArray<{
    readonly node: string;
    /** Resets tried so far, the running one included. */
    readonly attempts: number;
    /** ISO time of the first attempt. */
    readonly since: string;
    /** Why the last attempt failed; absent before the first failure. */
    readonly lastError?: string;
    /** The reset waits for `ha fence confirm NODE` (meatware). */
    readonly awaitingConfirmation: boolean;
  }>;
  /** The last status check of the device (at comm-up, then hourly); absent before the first ends. */
  readonly lastCheck?: { readonly at: string; readonly ok: boolean; readonly error?: string };
}
