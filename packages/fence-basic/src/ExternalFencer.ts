import { fenceIssue, fenceResults, type ConfigIssue, type FenceContext, type FenceDevice, type Fencer, type FenceResult, type FenceValidateContext } from '@heartline/core';
import { describeExit } from './describeExit.js';
import { externalParams } from './externalParams.js';
import { locateExternalPlugin } from './locateExternalPlugin.js';
import { runExternal } from './runExternal.js';

/**
 * cluster-glue's `external` device, for every `external/NAME`: the executable
 * `<plugin dir>/external/NAME` (default /usr/lib/stonith/plugins/external), so the scripts sites
 * already run under heartbeat work unchanged. Called as cluster-glue calls it: `NAME getconfignames`
 * for the parameter names, then `NAME reset HOST` or `NAME status` with the parameters as
 * environment variables; exit 0 is success, anything else a failed reset (`result=bad`).
 */
export class ExternalFencer implements Fencer {
  readonly type = 'external/*';

  async validate(device: FenceDevice, context: FenceValidateContext): Promise<ConfigIssue[]> {
    const plugin = locateExternalPlugin(device.type, context.stonithPluginDir);
    if (plugin.problem !== undefined) return [fenceIssue(device, 'FENCE_PLUGIN_MISSING', plugin.problem)];
    const { problem } = await externalParams(plugin.path, device, context);
    return problem === undefined ? [] : [fenceIssue(device, problem.code, problem.message)];
  }

  reset(node: string, context: FenceContext): Promise<FenceResult> {
    return this.run(['reset', node], context);
  }

  status(context: FenceContext): Promise<FenceResult> {
    return this.run(['status'], context);
  }

  private async run(args: readonly string[], context: FenceContext): Promise<FenceResult> {
    const { device } = context;
    const plugin = locateExternalPlugin(device.type, context.stonithPluginDir);
    if (plugin.problem !== undefined) return fenceResults.bad(plugin.problem);
    const { params, problem } = await externalParams(plugin.path, device, context);
    if (params === undefined) return fenceResults.bad(problem?.message ?? `${device.type}: no parameters`);
    const outcome = await runExternal(plugin.path, device.type, args, params, context, context.timeoutMs);
    if (outcome.exitCode === 0 && !outcome.timedOut) return fenceResults.ok();
    return fenceResults.bad(describeExit(`${plugin.path} ${args.join(' ')}`, outcome, context.timeoutMs));
  }
}
