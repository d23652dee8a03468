import { errorCatalogue, type ConfigIssue, type ResourceRef } from '@heartline/core';
import type { ScriptLookup } from './ScriptLookup.js';

/** RESOURCE_SCRIPT_MISSING at the resource's haresources position, naming every place looked at. */
export function scriptMissingIssue(resource: ResourceRef, lookup: ScriptLookup, message?: string, hint?: string): ConfigIssue {
  const notExecutable =
    lookup.notExecutable.length === 0 ? '' : `; ${lookup.notExecutable.join(' and ')} exists but is not executable (chmod +x)`;
  return {
    file: resource.where.file,
    line: resource.where.line,
    column: resource.where.column,
    code: 'RESOURCE_SCRIPT_MISSING',
    // A warning: the check may run on another machine than the node, and heartbeat only fails at takeover.
    severity: 'warning',
    message: `${message ?? `Cannot locate resource script ${resource.type}`}: no executable ${lookup.searched.join(' or ')}${notExecutable}`,
    hint: hint ?? errorCatalogue.RESOURCE_SCRIPT_MISSING.hint,
  };
}
