import type { HaResourceGroup } from '../config/HaResourceGroup.js';
import type { MonitorRule, TimeoutRule } from '../config/HeartlineCf.js';
import type { FencingOptions } from '../fencing/FencingOptions.js';
import type { ActivatorObserver } from '../resources/ActivatorObserver.js';
import type { AgentProvider } from '../resources/AgentProvider.js';
import type { CommandRunner } from '../resources/CommandRunner.js';
import type { OperationTimeouts } from '../resources/OperationTimeouts.js';

/** What a node needs to run haresources groups. */
export interface ResourceLayerOptions {
  readonly groups: readonly HaResourceGroup[];
  readonly agents: AgentProvider;
  readonly commands: CommandRunner;
  /** heartbeat's configuration directory, `/etc/ha.d` (resource.d, conf/OCF). */
  readonly haDir: string;
  /** `/etc/init.d`. */
  readonly initDir: string;
  /** Every resource's operation timeouts, under `timeoutRules` (default defaultOperationTimeouts). */
  readonly timeouts?: Partial<OperationTimeouts>;
  /** heartline.cf's `timeouts` lines: a resource's or a type's start and stop timeouts. */
  readonly timeoutRules?: readonly TimeoutRule[];
  /**
   * heartline.cf's `monitor` lines. Undefined: no resource monitoring at all; empty: the agents'
   * defaults (the VIP and apache checked every 10 s).
   */
  readonly monitors?: readonly MonitorRule[];
  readonly stopRetries?: number;
  readonly stopRetryDelayMs?: number;
  /** Hears every resource and group operation with its duration (the daemon's metrics). */
  readonly observer?: ActivatorObserver;
  /**
   * Who counts as up when legacy mode decides whether to ask for its groups: `heard-from` (the
   * default: a peer we heard anything from) or `active-only`, heartbeat 3.0.6's count (a peer whose
   * `active` status we processed), which lets a simulated node behave as a heartbeat peer.
   */
  readonly upcount?: 'heard-from' | 'active-only';
  /**
   * The STONITH device ha.cf configures for this node (fenceDeviceFor) and where its fencer comes
   * from; without it a dead peer's groups are taken over unreset (`stonith result=n_stnth`).
   */
  readonly fencing?: FencingOptions;
}
