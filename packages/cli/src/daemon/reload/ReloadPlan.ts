import type { ReloadChange } from './ReloadChange.js';
import type { RunningConfig } from './RunningConfig.js';

/** What a reload will do: its changes, which parts of the running node they touch, and the result. */
export interface ReloadPlan {
  readonly changes: readonly ReloadChange[];
  /** keepalive, deadtime or warntime changed: membership is retimed. */
  readonly retime: boolean;
  /** A log setting changed: the log sinks are made anew. */
  readonly relog: boolean;
  /** authkeys changed: the node signs and verifies with the new keys. */
  readonly rekey: boolean;
  /** heartline.cf's metrics line changed: the endpoint opens, moves or closes. */
  readonly remetric: boolean;
  /** The running configuration once the plan is carried out: the new values of what is applied or noted. */
  readonly next: RunningConfig;
}
