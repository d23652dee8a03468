import type { DependencyContainer } from 'tsyringe';
import type { ResourceRef } from '../../config/ResourceRef.js';
import type { LogSink } from '../../log/Logger.js';
import type { Clock } from '../../time/Clock.js';
import type { AgentProvider } from '../AgentProvider.js';
import type { CommandRunner } from '../CommandRunner.js';
import type { OperationTimeouts } from '../OperationTimeouts.js';
import type { ConformanceCheck } from './ConformanceCheck.js';
import type { ConformanceOperation } from './ConformanceOperation.js';

/** What an agent conformance run tests, and on what node setting. */
export interface ConformanceOptions {
  /** Where the agent of the resource's type comes from (the node's plugins, or `new StaticAgentProvider([agent])`). */
  readonly agents: AgentProvider;
  /** The resource to start and stop; it must not run when the run begins. */
  readonly resource: ResourceRef;
  /** A resource of the same type whose start fails (arguments that cannot work): for the `failed-start` check. */
  readonly failing?: ResourceRef;
  /** The node name the agent sees (default `node1`). */
  readonly nodeName?: string;
  /** heartbeat's configuration directory (default `/etc/ha.d`): resource.d, conf/OCF. */
  readonly haDir?: string;
  /** Where LSB init scripts are (default `/etc/init.d`). */
  readonly initDir?: string;
  /** The resource scripts' environment (`resourceScriptEnv`); default none. */
  readonly env?: Readonly<Record<string, string>>;
  /** Each operation's timeout (default the daemon's, `defaultOperationTimeouts`). */
  readonly timeouts?: Partial<OperationTimeouts>;
  /** How long past its timeout an operation may take to return before the run gives up on the agent (default 5 s). */
  readonly graceMs?: number;
  /** How long the processes of a stopped resource may take to go (default 1 s). */
  readonly settleMs?: number;
  /** Runs the agent's commands (default an `ExecaCommandRunner`: process groups killed at the timeout). */
  readonly commands?: CommandRunner;
  /** Where the agent's log records go besides the report (each operation's `logs`). */
  readonly sinks?: readonly LogSink[];
  readonly clock?: Clock;
  /** The container the agent is built in (default a child of the root container with the node's clock, logger and name). */
  readonly container?: DependencyContainer;
  /** Told of each check once decided, in report order. */
  readonly onCheck?: (check: ConformanceCheck) => void;
  /** Told of each operation once the agent answered (or gave up on). */
  readonly onOperation?: (operation: ConformanceOperation) => void;
}
