import type { HaMessage } from '../wire/HaMessage.js';
import type { FailoverRuntime } from './FailoverRuntime.js';
import { failoverMessages as M } from './failoverMessages.js';
import type { GroupTaker } from './GroupTaker.js';

/** Legacy mode's per-group handshake: the rc.d/ip-request and ip-request-resp scripts. */
export class LegacyIpRequests {
  constructor(
    private readonly rt: FailoverRuntime,
    private readonly taker: GroupTaker,
  ) {}

  /** rc.d/ip-request (legacy): give the group up if we run it, and say so. */
  async answerIpRequest(from: string, msg: HaMessage): Promise<void> {
    const { rt } = this;
    const key = msg.get('ipaddr');
    if (key === undefined) return;
    const group = rt.options.groups.find((g) => g.key === key);
    const weOwn = group !== undefined && (await rt.options.operations.isRunning(group));
    if (group !== undefined && weOwn) await rt.giveGroup(group);
    else if (group !== undefined && (await rt.options.operations.runsAnyOf(group))) {
      // heartbeat answers `weown=no` and keeps the rest running beside the requester's start.
      rt.log.warn(`Resource group ${key} partly runs here (not ${group.resources[0]?.spec ?? key}): releasing what runs before ${from} takes it.`);
      await rt.giveGroup(group);
    }
    rt.post(M.ipRequestResp(from, key, weOwn));
  }

  /** rc.d/ip-request-resp: the group is ours to take. */
  async takeRequestedGroup(msg: HaMessage): Promise<void> {
    const { rt } = this;
    const key = msg.get('ipaddr');
    if (msg.get('dest') !== rt.options.nodeName || key === undefined) return;
    rt.log.info(`received ip-request-resp ${key} ${msg.get('ok') ?? ''} ${msg.get('weown') ?? ''}`);
    const group = rt.options.groups.find((g) => g.key === key);
    if (msg.get('ok') === 'OK' && group !== undefined) await this.taker.take(group);
  }
}
