import type { AgentContext, AgentResult, ConfigIssue, ResourceAgent, ResourceInstance, ResourceRef, ValidateContext } from '@heartline/core';
import { formatRunning } from './formatRunning.js';
import { locateScript } from './locateScript.js';
import { runLogged } from './runLogged.js';
import { scriptMissingIssue } from './scriptMissingIssue.js';
import { scriptResult } from './scriptResult.js';
import { scriptStatus } from './scriptStatus.js';
import { unfinishedResult } from './unfinishedResult.js';

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
    return this.change(resource, context, 'start', 'running');
  }

  stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.change(resource, context, 'stop', 'stopped');
  }

  /** Only stdout counts, as in heartbeat: "… is not running" with exit 0 is stopped, "running" with exit 3 runs. */
  async status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const path = this.locate(resource, context);
    if (path === undefined) return this.notInstalled(resource, context);
    const outcome = await runLogged({ file: path, args: [...resource.args, 'status'], env: context.env, isExpected: () => true }, context);
    return unfinishedResult(outcome, context.timeoutMs) ?? { status: scriptStatus(outcome.stdout) };
  }

  private async change(
    resource: ResourceInstance,
    context: AgentContext,
    operation: 'start' | 'stop',
    reached: 'running' | 'stopped',
  ): Promise<AgentResult> {
    const path = this.locate(resource, context);
    if (path === undefined) return this.notInstalled(resource, context);
    const outcome = await runLogged(
      { file: path, args: [...resource.args, operation], env: context.env, announce: formatRunning(path, resource.args, operation) },
      context,
    );
    return scriptResult(outcome, reached, context.timeoutMs);
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
