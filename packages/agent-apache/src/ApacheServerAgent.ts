import type { AgentContext, AgentResult, ConfigIssue, ResourceAgent, ResourceInstance, ResourceRef, ValidateContext } from '@heartline/core';
import { refusedResult, runResourceScript } from '@heartline/core';
import { adminScript } from './adminScript.js';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheInstance } from './ApacheInstance.js';
import type { ApacheType } from './ApacheSpec.js';
import { apacheStatus } from './apacheStatus.js';
import type { CompiledDefaults } from './CompiledDefaults.js';
import { readCompiledDefaults } from './readCompiledDefaults.js';
import { parseApacheSpec } from './parseApacheSpec.js';
import { resolveBinary } from './resolveBinary.js';
import { resolveInstance } from './resolveInstance.js';
import { startApache } from './startApache.js';
import { stopApache } from './stopApache.js';
import { systemEnvironment } from './systemEnvironment.js';
import { validateApache } from './validateApache.js';

/**
 * The Apache HTTP Server as a resource: started with its own config (not the distribution's init
 * script), `running` only when its main process runs and it answers HTTP, stopped gracefully then
 * by force until its port is free. Core builds each agent with no arguments (the parameter has a
 * default); tests pass their own environment. The subclasses differ in type and defaults; the
 * bare `apache2` / `httpd` give way to an admin's `<haDir>/resource.d/<type>` script.
 */
export abstract class ApacheServerAgent implements ResourceAgent {
  abstract readonly type: ApacheType;
  /** Status asks the server over HTTP: a crashed or wedged apache is seen, so it is checked unless heartline.cf says otherwise. */
  readonly monitoredByDefault = true;
  private readonly compiled = new Map<string, Promise<CompiledDefaults>>();

  constructor(private readonly env: ApacheEnvironment = systemEnvironment) {}

  validate(resource: ResourceRef, context: ValidateContext): ConfigIssue[] {
    if (adminScript(this.type, context.haDir, this.env) !== undefined) return [];
    return validateApache(this.type, resource, context, this.env);
  }

  async start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const script = adminScript(this.type, context.haDir, this.env);
    if (script !== undefined) return runResourceScript(script, resource.args, 'start', context);
    const apache = await this.instance(resource, context);
    return 'status' in apache ? apache : startApache(apache, context, this.env);
  }

  async stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const script = adminScript(this.type, context.haDir, this.env);
    if (script !== undefined) return runResourceScript(script, resource.args, 'stop', context);
    const apache = await this.instance(resource, context);
    return 'status' in apache ? apache : stopApache(apache, context, this.env);
  }

  async status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const script = adminScript(this.type, context.haDir, this.env);
    if (script !== undefined) return runResourceScript(script, resource.args, 'status', context);
    const apache = await this.instance(resource, context);
    return 'status' in apache ? apache : apacheStatus(apache, context, this.env);
  }

  private async instance(resource: ResourceInstance, context: AgentContext): Promise<ApacheInstance | AgentResult> {
    const { spec, problems } = parseApacheSpec(this.type, resource.args, resource.spec);
    if (spec === undefined) return refusedResult(context, 'APACHE_BAD_PARAMETER', problems.map((p) => p.message).join('; '), 'not-configured');
    const httpd = resolveBinary(spec, this.env);
    if (!this.env.isExecutable(httpd)) return refusedResult(context, 'APACHE_NOT_INSTALLED', `${resource.spec}: ${httpd} is not installed`, 'not-installed');
    const { instance, refusal } = resolveInstance(spec, resource.spec, context.env, this.env, await this.defaults(httpd, context));
    if (instance !== undefined) return instance;
    return refusedResult(context, refusal?.code ?? 'APACHE_CONFIG_MISSING', refusal?.message ?? resource.spec, refusal?.status ?? 'not-configured');
  }

  /** `httpd -V`, once per binary and agent (it costs a few ms); what it does not tell comes from the binary's layout. */
  private defaults(httpd: string, context: AgentContext): Promise<CompiledDefaults> {
    let known = this.compiled.get(httpd);
    if (known === undefined) {
      known = context.commands
        .run({ file: httpd, args: ['-V'], env: context.env, timeoutMs: Math.min(context.timeoutMs, 10_000) })
        // -V prints its settings, then reads the default config and may fail on it (Debian's without
        // envvars): the settings are there either way.
        .then((outcome) => readCompiledDefaults(outcome.stdout, httpd));
      this.compiled.set(httpd, known);
    }
    return known;
  }
}
