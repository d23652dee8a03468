import type { AgentContext, AgentResult, ConfigIssue, ResourceAgent, ResourceInstance, ResourceOperation, ResourceRef, ValidateContext } from '@heartline/core';
import { runResourceScript } from '@heartline/core';
import { locateScript } from './locateScript.js';
import { scriptMissingIssue } from './scriptMissingIssue.js';

/**
 * heartbeat's resource scripts, for any haresources name: `<haDir>/resource.d/<type>` (heartbeat's
 * own IPaddr, Filesystem, OCF … wrappers, or your scripts), else the LSB init script
 * `<initDir>/<type>`. Run as ResourceManager runs them: `<script> [arg …] start|stop|status`.
 */
export class ScriptAgent implements ResourceAgent {
  readonly type: string = '*';

  validate(resource: ResourceRef, context: ValidateContext): ConfigIssue[] {
    const lookup = locateScript(resource.type, context);
    return lookup.path === undefined ? [scriptMissingIssue(resource, lookup)] : [];
  }

  start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.run(resource, context, 'start');
  }

  stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.run(resource, context, 'stop');
  }

  /** Only stdout counts, as in heartbeat: "… is not running" with exit 0 is stopped, "running" with exit 3 runs. */
  status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.run(resource, context, 'status');
  }

  private async run(resource: ResourceInstance, context: AgentContext, operation: ResourceOperation): Promise<AgentResult> {
    const path = this.locate(resource, context);
    if (path === undefined) return this.notInstalled(resource, context);
    return runResourceScript(path, resource.args, operation, context);
  }

  private locate(resource: ResourceInstance, context: AgentContext): string | undefined {
    return locateScript(resource.type, context).path;
  }

  private notInstalled(resource: ResourceInstance, context: AgentContext): AgentResult {
    const reason = `Cannot locate resource script ${resource.type}`;
    context.logger.error(reason);
    return { status: 'not-installed', reason };
  }
}
