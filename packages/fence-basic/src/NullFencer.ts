import { fenceResults, type ConfigIssue, type FenceContext, type FenceDevice, type Fencer, type FenceResult } from '@heartline/core';
import { readHostList } from './readHostList.js';

/**
 * cluster-glue's `null` device, for tests: every reset works at once and only logs `Host
 * null-reset: NODE` (it resets nothing, so it protects nothing). Parameter: hostlist, which it
 * requires but, like cluster-glue's, does not check the node against.
 */
export class NullFencer implements Fencer {
  readonly type = 'null';

  validate(device: FenceDevice): Promise<ConfigIssue[]> {
    return Promise.resolve(readHostList(device).issues);
  }

  reset(node: string, context: FenceContext): Promise<FenceResult> {
    context.logger.info(`Host null-reset: ${node}`);
    return Promise.resolve(fenceResults.ok());
  }

  status(): Promise<FenceResult> {
    return Promise.resolve(fenceResults.ok());
  }
}
