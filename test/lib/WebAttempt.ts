/** One request of a WebClient, on this process's performance.now() clock. */
export interface WebAttempt {
  /** Order in which the requests went out (they may finish in another order). */
  readonly seq: number;
  readonly startedMs: number;
  /** When the page, or the error, came back. */
  readonly endedMs: number;
  /** The node the page names (`served by NODE`); undefined when the attempt failed. */
  readonly servedBy: string | undefined;
  /** Why there is no page: `ECONNREFUSED`, `TIMEOUT` (no answer in time), `HTTP 503`, `not the site's page`… */
  readonly error: string | undefined;
}

/** Whether the attempt got a page of the site. */
export function isGood(attempt: WebAttempt): boolean {
  return attempt.servedBy !== undefined;
}
