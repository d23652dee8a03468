import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import {
  agentResults,
  parseResourceArgs,
  refusedResult,
  resourceIssue,
  type AgentContext,
  type AgentResult,
  type ConfigIssue,
  type ResourceAgent,
  type ResourceArgsSpec,
  type ResourceInstance,
  type ResourceRef,
} from '@heartline/core/sdk';

/** `Hello::/path/of/the/file[::greeting=TEXT]`, as haresources writes it. */
const helloArgs: ResourceArgsSpec = {
  usage: 'Hello::/path/of/the/file[::greeting=TEXT]',
  positional: [{ name: 'path', required: true, check: (value) => (isAbsolute(value) ? undefined : 'must be an absolute path') }],
  named: [{ name: 'greeting' }],
};

/** What one resource's arguments say. */
interface HelloFile {
  readonly path: string;
  readonly greeting: string | undefined;
}

/**
 * The haresources type `Hello`: while the resource runs on a node, its file holds a greeting that
 * names the node (`Hello from node1`, or the `greeting=` text). Whoever reads the file (an admin,
 * a load balancer's health check) sees which node holds the group. Start and stop are idempotent;
 * status is the file being there, which is cheap and true, so it is monitored by default.
 */
export class HelloAgent implements ResourceAgent {
  readonly type = 'Hello';
  readonly monitoredByDefault = true;

  validate(resource: ResourceRef): ConfigIssue[] {
    const { problems, values } = parseResourceArgs(resource.args, helloArgs);
    const issues = problems.map((problem) => resourceIssue(resource, 'RESOURCE_BAD_ARGUMENTS', problem));
    const path = values['path'];
    if (path !== undefined && !existsSync(dirname(path))) {
      // A warning: the directory may be made later, or exist on the other node only.
      issues.push(
        resourceIssue(resource, 'RESOURCE_BAD_ARGUMENTS', `the directory ${dirname(path)} does not exist`, {
          severity: 'warning',
          hint: `Create ${dirname(path)} on every node that may hold the group.`,
        }),
      );
    }
    return issues;
  }

  async start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const file = this.file(resource, context);
    if ('status' in file) return file;
    if (!existsSync(dirname(file.path))) {
      return refusedResult(context, 'RESOURCE_BAD_ARGUMENTS', `${resource.spec}: the directory ${dirname(file.path)} does not exist`, 'not-configured');
    }
    const text = file.greeting ?? `Hello from ${context.nodeName}`;
    // Written beside it, then renamed: a reader never sees half a greeting.
    const partial = `${file.path}.${process.pid}.partial`;
    try {
      writeFileSync(partial, `${text}\n`);
      renameSync(partial, file.path);
    } catch (error) {
      rmSync(partial, { force: true });
      return agentResults.failed(`cannot write ${file.path}: ${(error as Error).message}`);
    }
    context.logger.info(`${file.path} says "${text}"`);
    return agentResults.running();
  }

  async stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const file = this.file(resource, context);
    if ('status' in file) return file;
    try {
      rmSync(file.path, { force: true });
    } catch (error) {
      return agentResults.failed(`cannot remove ${file.path}: ${(error as Error).message}`);
    }
    return agentResults.stopped();
  }

  async status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const file = this.file(resource, context);
    if ('status' in file) return file;
    return existsSync(file.path) ? agentResults.running() : agentResults.stopped();
  }

  /** The resource's file and greeting, or the refusal of arguments that cannot work (validate said so too). */
  private file(resource: ResourceInstance, context: AgentContext): HelloFile | AgentResult {
    const { problems, values } = parseResourceArgs(resource.args, helloArgs);
    if (problems.length > 0) return refusedResult(context, 'RESOURCE_BAD_ARGUMENTS', `${resource.spec}: ${problems.join('; ')}`, 'not-configured');
    return { path: values['path'] ?? '', greeting: values['greeting'] };
  }
}
