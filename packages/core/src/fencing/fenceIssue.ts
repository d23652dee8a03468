import type { ConfigIssue, IssueSeverity } from '../config/ConfigIssue.js';
import { errorCatalogue, type ErrorCode } from '../errors/errorCatalogue.js';
import type { FenceDevice } from './FenceDevice.js';

/**
 * A problem a fencer's `validate` finds with a device, placed at its ha.cf line and prefixed with
 * the line as written (`stonith_host * ssh: …`); the hint is the code's catalogued one unless given.
 */
export function fenceIssue(
  device: FenceDevice,
  code: ErrorCode,
  message: string,
  options: { readonly severity?: IssueSeverity; readonly hint?: string } = {},
): ConfigIssue {
  return {
    ...device.where,
    code,
    severity: options.severity ?? 'error',
    message: `${device.source}: ${message}`,
    hint: options.hint ?? errorCatalogue[code].hint,
  };
}
