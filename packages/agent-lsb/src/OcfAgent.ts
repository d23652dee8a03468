import { readFile } from 'node:fs/promises';
import type { AgentContext, AgentResult, ConfigIssue, ResourceAgent, ResourceInstance, ResourceRef, ValidateContext } from '@heartline/core';
import { describeOcfResource } from './describeOcfResource.js';
import { isExecutableFile, runLogged } from '@heartline/core';
import { ocfMissingIssues } from './ocfMissingIssues.js';
import type { OcfResource } from './OcfResource.js';
import { ocfResult } from './ocfResult.js';
import { parseOcfInstance } from './parseOcfInstance.js';

type OcfOperation = 'start' | 'stop' | 'monitor';

/**
 * OCF resource agents written `OCF::<type>::<instance>` in haresources, as heartbeat's
 * resource.d/OCF wrapper runs them: the agent `$OCF_ROOT/resource.d/heartbeat/<type>` with the
 * parameters of `<haDir>/conf/OCF/<type>/<instance>` in its environment. Status is `monitor`,
 * read by its OCF exit code (the wrapper asked for `status`, which current agents refuse).
 */
export class OcfAgent implements ResourceAgent {
  readonly type = 'OCF';

  validate(resource: ResourceRef, context: ValidateContext): ConfigIssue[] {
    const ocf = describeOcfResource(resource.args, context.haDir, context.env);
    // Without a type and an instance the haresources parser has already reported the resource.
    return ocf === undefined ? [] : ocfMissingIssues(resource, ocf);
  }

  start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.run(resource, context, 'start');
  }

  stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.run(resource, context, 'stop');
  }

  status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return this.run(resource, context, 'monitor');
  }

  private async run(resource: ResourceInstance, context: AgentContext, operation: OcfOperation): Promise<AgentResult> {
    const ocf = describeOcfResource(resource.args, context.haDir, context.env);
    if (ocf === undefined) {
      return this.refuse(context, { status: 'not-configured', reason: `${resource.spec}: write OCF::<type>::<instance>` });
    }
    if (!isExecutableFile(ocf.agentPath)) {
      return this.refuse(context, { status: 'not-installed', reason: `OCF resource agent ${ocf.agentPath} is missing or not executable` });
    }
    let parameters: Record<string, string>;
    try {
      parameters = parseOcfInstance(await readFile(ocf.instancePath, 'utf8'));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? String(error);
      return this.refuse(context, { status: 'not-configured', reason: `cannot read OCF instance parameters ${ocf.instancePath} (${why})` });
    }
    const outcome = await runLogged(
      {
        file: ocf.agentPath,
        args: [operation],
        env: ocfEnvironment(ocf, context.env, parameters),
        ...(operation === 'monitor' ? {} : { announce: `Running ${ocf.agentPath} ${operation} (OCF_RESOURCE_INSTANCE=${ocf.instance})` }),
        isExpected: (code) => code === 0 || (code === 7 && operation !== 'start'),
      },
      context,
    );
    return ocfResult(operation, outcome, context.timeoutMs);
  }

  private refuse(context: AgentContext, result: AgentResult & { reason: string }): AgentResult {
    context.logger.error(result.reason);
    return result;
  }
}

function ocfEnvironment(
  ocf: OcfResource,
  base: Readonly<Record<string, string>>,
  parameters: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    ...base,
    OCF_ROOT: ocf.root,
    ...parameters,
    OCF_RESOURCE_INSTANCE: ocf.instance,
    OCF_RESOURCE_TYPE: ocf.type,
    OCF_RESOURCE_PROVIDER: 'heartbeat',
  };
}
