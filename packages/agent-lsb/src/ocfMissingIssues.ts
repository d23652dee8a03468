import type { ConfigIssue, ResourceRef } from '@heartline/core';
import { errorCatalogue, isExecutableFile } from '@heartline/core';
import { isRegularFile } from './isRegularFile.js';
import type { OcfResource } from './OcfResource.js';

/** RESOURCE_OCF_MISSING for a missing agent and for missing instance parameters, both at once. */
export function ocfMissingIssues(resource: ResourceRef, ocf: OcfResource): ConfigIssue[] {
  const name = `OCF::${ocf.type}::${ocf.instance}`;
  const problems: string[] = [];
  if (!isExecutableFile(ocf.agentPath)) {
    const state = isRegularFile(ocf.agentPath) ? 'is not executable' : 'is missing';
    problems.push(`${name}: the OCF resource agent ${ocf.agentPath} ${state}`);
  }
  if (!isRegularFile(ocf.instancePath)) {
    problems.push(`${name}: the instance parameters file ${ocf.instancePath} is missing`);
  }
  return problems.map((message) => ({
    file: resource.where.file,
    line: resource.where.line,
    column: resource.where.column,
    code: 'RESOURCE_OCF_MISSING',
    // A warning: the check may run on another machine than the node, and heartbeat only fails at takeover.
    severity: 'warning',
    message,
    hint: errorCatalogue.RESOURCE_OCF_MISSING.hint,
  }));
}
