import type { ConfigIssue, IssueSeverity } from '../config/ConfigIssue.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import { errorCatalogue, type ErrorCode } from '../errors/errorCatalogue.js';

/**
 * A problem `validate` finds with one haresources resource, placed where the resource is written
 * (`haresources:LINE:COL`): the message is prefixed with the resource as written, the hint is the
 * code's catalogued one unless given. `RESOURCE_BAD_ARGUMENTS` is the code for arguments an agent
 * cannot use; severity `warning` for what may be fine on another node (a file not there yet).
 */
export function resourceIssue(
  resource: ResourceRef,
  code: ErrorCode,
  message: string,
  options: { readonly severity?: IssueSeverity; readonly hint?: string } = {},
): ConfigIssue {
  return {
    ...resource.where,
    code,
    severity: options.severity ?? 'error',
    message: `${resource.text}: ${message}`,
    hint: options.hint ?? errorCatalogue[code].hint,
  };
}
