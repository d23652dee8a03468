/** Where a CPU profile's main thread spent a window, in µs of samples. */
export interface ProfileSummary {
  /** Sampled time in the window, idle excluded (`(idle)` is the event loop waiting). */
  readonly busyUs: number;
  readonly idleUs: number;
  /** Self time per function (`name url:line`) and per place (a package, a folder of Heartline's, V8's own). */
  readonly selfByFunction: ReadonlyMap<string, number>;
  readonly selfByPlace: ReadonlyMap<string, number>;
  /** Time with the function on the stack (counted once per sample however deep). */
  readonly totalByFunction: ReadonlyMap<string, number>;
}
