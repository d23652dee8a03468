import type { Logger } from '../log/Logger.js';
import type { Clock } from '../time/Clock.js';
import type { CommandRunner } from './CommandRunner.js';

/** What an agent gets for one operation. */
export interface AgentContext {
  readonly nodeName: string;
  /** A child logger naming the resource. */
  readonly logger: Logger;
  readonly clock: Clock;
  readonly commands: CommandRunner;
  /** How long this operation may take; the runner kills the command's process group past it. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** heartbeat's configuration directory (`/etc/ha.d`): `resource.d`, `conf/OCF` live there. */
  readonly haDir: string;
  /** Where LSB init scripts live (`/etc/init.d`). */
  readonly initDir: string;
  /**
   * The environment heartbeat gives resource scripts (HA_DIR, HA_CURHOST, HA_LOGFILE,
   * HA_DEBUGLOG, OCF_ROOT...), to pass to every command.
   */
  readonly env: Readonly<Record<string, string>>;
}
