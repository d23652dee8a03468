import { positionalParams, type FenceDevice, type FenceValidateContext } from '@heartline/core';
import { describeExit } from './describeExit.js';
import { externalSettings as X } from './externalSettings.js';
import { runExternal } from './runExternal.js';

/**
 * The device's parameters by name: the plugin's `getconfignames` says which it takes, in order, and
 * the ha.cf values are handed out to them positionally (heartbeat's Stonith1 line), the last name
 * taking the rest. `problem` when the plugin cannot say, or the line gives too few values.
 */
export async function externalParams(
  path: string,
  device: FenceDevice,
  context: FenceValidateContext & { readonly signal?: AbortSignal },
): Promise<{ readonly params?: Record<string, string>; readonly problem?: { readonly code: 'FENCE_PLUGIN_MISSING' | 'FENCE_BAD_PARAMETERS'; readonly message: string } }> {
  const outcome = await runExternal(path, device.type, ['getconfignames'], {}, context, X.configNamesTimeoutMs);
  if (outcome.exitCode !== 0 || outcome.timedOut) {
    return { problem: { code: 'FENCE_PLUGIN_MISSING', message: describeExit(`${path} getconfignames`, outcome, X.configNamesTimeoutMs) } };
  }
  const names = outcome.stdout.split(/[ \t\n\r\f]+/).filter((n) => n !== '');
  const params = positionalParams(names, device.params);
  if (params === undefined) {
    const given = device.params.split(/[ \t\n\r\f]+/).filter((v) => v !== '').length;
    return {
      problem: {
        code: 'FENCE_BAD_PARAMETERS',
        message: `${device.type} takes ${names.length} parameter(s), in this order: ${names.join(' ')}; the line gives ${given}`,
      },
    };
  }
  return { params };
}
