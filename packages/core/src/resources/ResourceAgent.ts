import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import type { AgentContext } from './AgentContext.js';
import type { AgentResult } from './AgentResult.js';
import type { ResourceInstance } from './ResourceInstance.js';

/** Where an agent's `validate` looks for what it needs (scripts, config files). */
export interface ValidateContext {
  readonly haDir: string;
  readonly initDir: string;
  /** The environment resource scripts get (OCF_ROOT for OCF agents), when the caller knows it. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * One kind of resource: the virtual IP, an LSB service, apache. `start` and `stop` are idempotent
 * (starting a running resource succeeds and changes nothing). The activator owns order, timeouts
 * and never runs two operations on one resource at once.
 */
export interface ResourceAgent {
  /** The haresources type this agent serves, or `*` for the script agent that serves any name. */
  readonly type: string;
  /** Every problem with one haresources resource, at once (for `ha config check` and start-up). */
  validate(resource: ResourceRef, context: ValidateContext): ConfigIssue[];
  start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult>;
  stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult>;
  /** `running` or `stopped`; `failed` when the state cannot be told. */
  status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult>;
  /**
   * Whether a running resource of this type is checked periodically (its `status`) without a
   * heartline.cf `monitor` line asking for it. Say yes only when `status` tells the truth cheaply.
   */
  readonly monitoredByDefault?: boolean;
}
