import { errorCatalogue, type ConfigIssue, type ErrorCode, type IssueSeverity, type ResourceRef, type ValidateContext } from '@heartline/core';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheType } from './ApacheSpec.js';
import { readCompiledDefaults } from './readCompiledDefaults.js';
import { parseApacheSpec } from './parseApacheSpec.js';
import { resolveBinary } from './resolveBinary.js';
import { resolveInstance } from './resolveInstance.js';

/**
 * Every problem with one apache resource: bad parameters are errors at its haresources line and
 * column; a missing binary, config or envfile, a config without Listen, an Include that matches
 * nothing (at the apache config's own file and line) are warnings, since the check may run on
 * another machine than the node. For the bare `apache2` / `httpd`: a warning when the
 * distribution's init script of that name was changed on this machine, since this agent does not
 * run it.
 */
export function validateApache(type: ApacheType, resource: ResourceRef, context: ValidateContext, env: ApacheEnvironment): ConfigIssue[] {
  const at = (code: ErrorCode, severity: IssueSeverity, message: string, where = resource.where): ConfigIssue => ({
    file: where.file,
    line: where.line,
    column: where.column,
    code,
    severity,
    message,
    hint: errorCatalogue[code].hint,
  });
  const { spec, problems } = parseApacheSpec(type, resource.args, resource.text);
  if (spec === undefined) return problems.map((p) => at(p.code, 'error', p.message));
  const issues: ConfigIssue[] = [];
  const httpd = resolveBinary(spec, env);
  if (!env.isExecutable(httpd)) {
    issues.push(at('APACHE_NOT_INSTALLED', 'warning', `${resource.text}: ${httpd} is not installed${spec.httpd === undefined ? ` (apt-get install ${type === 'httpd' ? 'httpd' : 'apache2'}, or give httpd=)` : ''}`));
  }
  const { config, refusal } = resolveInstance(spec, resource.text, context.env ?? {}, env, readCompiledDefaults(undefined, httpd));
  if (refusal !== undefined) issues.push(at(refusal.code, 'warning', refusal.message));
  for (const problem of config?.problems ?? []) {
    issues.push(at(problem.code, 'warning', problem.message, { file: problem.file, line: problem.line, column: problem.line === 0 ? 0 : 1 }));
  }
  const initScript = `${context.initDir}/${type}`;
  if (type !== 'apache' && env.changedConffile(initScript) === true) {
    issues.push(
      at(
        'APACHE_INIT_SCRIPT_BYPASSED',
        'warning',
        `${resource.text}: ${initScript} was changed on this machine, but Heartline's apache agent runs ${httpd} itself, not that script (heartbeat would run it); to keep it: ln -s ${initScript} ${context.haDir}/resource.d/${type}`,
      ),
    );
  }
  return issues;
}
