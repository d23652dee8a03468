/** How one running resource is checked, resolved from heartline.cf and its agent's default. */
export interface MonitorSpec {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Restarts in place allowed within `windowMs`; one more failure hands the group over. */
  readonly restarts: number;
  readonly windowMs: number;
  /** Where the settings come from: `heartline.cf:12`, or `agent default`. */
  readonly origin: string;
}
