import { errorCatalogue, type ConfigIssue, type ErrorCode, type IssueSeverity, type ResourceRef } from '@heartline/core';
import type { AddressType } from './AddressSpec.js';
import { findInterface } from './findInterface.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { locateGarpTool } from './locateGarpTool.js';
import { locateTool } from './locateTool.js';
import { parseAddressSpec } from './parseAddressSpec.js';

/**
 * Every problem with one virtual IP resource, at its haresources line and column: a bad address,
 * netmask, label or option (errors: wrong anywhere); a missing interface, no route to find one
 * from, a missing ARP tool (warnings: the check may run on another machine than the node).
 */
export function validateAddress(type: AddressType, resource: ResourceRef, env: IpAddrEnvironment): ConfigIssue[] {
  const issue = (code: ErrorCode, severity: IssueSeverity, message: string): ConfigIssue => ({
    file: resource.where.file,
    line: resource.where.line,
    column: resource.where.column,
    code,
    severity,
    message,
    hint: errorCatalogue[code].hint,
  });
  const { spec, problems } = parseAddressSpec(type, resource.spec);
  const issues = problems.map((p) => issue(p.code, 'error', p.message));
  if (spec === undefined) return issues;
  const name = resource.text;
  if (spec.nic !== undefined && !env.interfaceExists(spec.nic)) {
    issues.push(issue('IPADDR_NO_INTERFACE', 'warning', `${name}: interface ${spec.nic} does not exist on this machine`));
  } else if (spec.family === 4 && findInterface(spec, env.kernelRoutes()) === undefined) {
    const on = spec.nic === undefined ? '' : ` on ${spec.nic}`;
    issues.push(issue('IPADDR_NO_ROUTE', 'warning', `${name}: no directly connected route${on} covers ${spec.address} on this machine, so its ${spec.nic === undefined ? 'interface' : 'netmask'} cannot be found`));
  }
  const garp = locateGarpTool(spec.family, env);
  if ('missing' in garp) issues.push(issue('IPADDR_TOOL_MISSING', 'warning', `${name}: ${garp.missing}`));
  if (spec.probeMs > 0 && locateTool('arping', env) === undefined) {
    issues.push(issue('IPADDR_TOOL_MISSING', 'warning', `${name}: arping (Debian package iputils-arping) is needed for the duplicate-address probe (or write ::probe_ms=0)`));
  }
  return issues;
}
