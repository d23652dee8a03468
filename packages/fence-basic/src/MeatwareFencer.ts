import { fenceResults, type ConfigIssue, type FenceContext, type FenceDevice, type Fencer, type FenceResult } from '@heartline/core';
import { readHostList } from './readHostList.js';

/**
 * cluster-glue's `meatware` device: a human resets the node. The reset asks for it at CRIT and
 * waits for `ha fence confirm NODE` (heartbeat's `meatclient -c NODE`), run AFTER the node was
 * powered off; it waits without a deadline, until the node comes back or the daemon stops.
 * Parameter: hostlist (required, as cluster-glue's).
 */
export class MeatwareFencer implements Fencer {
  readonly type = 'meatware';
  readonly resetTimeoutMs = Number.POSITIVE_INFINITY;

  validate(device: FenceDevice): Promise<ConfigIssue[]> {
    return Promise.resolve(readHostList(device).issues);
  }

  async reset(node: string, context: FenceContext): Promise<FenceResult> {
    context.logger.crit(`OPERATOR INTERVENTION REQUIRED to reset ${node}.`);
    context.logger.crit(`Run "ha fence confirm ${node}" AFTER power-cycling the machine.`);
    const confirmed = await context.confirmations.waitFor(node, context.signal);
    if (!confirmed) return fenceResults.bad(`nobody confirmed that ${node} was reset`);
    context.logger.info(`node Meatware-reset: ${node}`);
    return fenceResults.ok();
  }
}
