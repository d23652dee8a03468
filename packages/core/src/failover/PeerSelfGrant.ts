import type { HaMessage } from '../wire/HaMessage.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { ResourceSet as R } from './ResourceSet.js';

/**
 * A peer that answers its own `ip-request-resp` (src = dest = the peer) starts that group without
 * asking who runs it. heartbeat 3.0.6 does so whenever it counts fewer than two active nodes when
 * it asks for its groups, which happens when it comes back while we hold them: its comm-up follows
 * our `repnodes` before it has processed a status of ours, so we are not yet `active` to it, and in
 * legacy mode nobody ever asks us to give the group up. It would then run on both nodes for good.
 * We resolve it as a healed partition is resolved: the group's home node keeps it, so we, holding a
 * group whose home is the peer, release it here, loudly, with both sides' evidence.
 */
export class PeerSelfGrant {
  constructor(private readonly rt: FailoverRuntime) {}

  /** Queued after every other resource job: a takeover of the same group finishes first. */
  async resolve(from: string, msg: HaMessage): Promise<void> {
    const { rt } = this;
    const key = msg.get('ipaddr');
    const group = rt.options.groups.find((g) => g.key === key);
    // Only the peer's own groups: a node never answers itself for another node's group.
    if (group === undefined || group.node !== from.toLowerCase() || rt.shutdownInProgress) return;
    if (!(await rt.options.operations.isRunning(group))) return;
    const evidence = `seq ${msg.get('seq') ?? '?'}, generation ${msg.get('hg') ?? '?'}`;
    rt.log.crit(
      `Resource group ${group.key} runs on ${from} and on this node: ${from} granted it to itself without asking ` +
        `(ip-request-resp dest=${from} weown=${msg.get('weown') ?? '?'}, ${evidence}) while our status check says it runs here.`,
      { group: group.key },
    );
    rt.log.crit(`${from} is the home node of ${group.key}: releasing it here, as after a healed partition.`, { group: group.key });
    await rt.giveGroup(group);
    if (rt.nice && !(await this.anyForeignRunning())) {
      rt.iHold &= ~R.foreign;
      // Without `isstable`: this job is still running, so isStable() would say 0 here, and nothing
      // would ever tell the peer 1 again: both resource layers stayed in `transition` and a later
      // shutdown (the restart after a healed partition) waited for them for its full 60 s.
      rt.post(M.resourcesHeldByScript(rt.iHold, 'self-grant'));
    }
  }

  private async anyForeignRunning(): Promise<boolean> {
    const { rt } = this;
    for (const group of rt.options.groups) if (!rt.isLocal(group) && (await rt.options.operations.isRunning(group))) return true;
    return false;
  }
}
