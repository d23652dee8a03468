import { HaMessage } from '../wire/HaMessage.js';
import { resourceSetName } from './ResourceSet.js';

/**
 * The resource-layer messages, field for field as heartbeat 3.0.6 builds them (hb_resource.c and
 * the req_resource / mach_down / rc.d scripts); membership adds src, seq, hg, ts, ld, ttl.
 */
export const failoverMessages = {
  starting: (): HaMessage => HaMessage.fromStrings([['t', 'starting']]),

  /** hb_send_resources_held */
  resourcesHeld: (held: number, stable: boolean, info?: string): HaMessage =>
    HaMessage.fromStrings([
      ['t', 'resource'],
      ['rsc_hold', resourceSetName(held)],
      ['rtype', 'full'],
      ['isstable', stable ? '1' : '0'],
      ...(info === undefined ? [] : ([['info', info]] as const)),
    ]),

  /**
   * A full update of what we hold with no `isstable`, as heartbeat's takeover scripts send theirs:
   * the peer's view of our stability stays as it is (process_resources leaves other_is_stable alone).
   */
  resourcesHeldByScript: (held: number, info: string): HaMessage =>
    HaMessage.fromStrings([['t', 'resource'], ['rsc_hold', resourceSetName(held)], ['rtype', 'full'], ['info', info]]),

  /** What mach_down adds to what we hold, after taking a dead node's groups. */
  machDownDone: (): HaMessage => HaMessage.fromStrings([['t', 'resource'], ['rsc_hold', 'foreign'], ['info', 'mach_down']]),

  /** send_standby_msg: info is me, other or done. */
  askResources: (set: number, info: 'me' | 'other' | 'done'): HaMessage =>
    HaMessage.fromStrings([['t', 'ask_resources'], ['rsc_hold', resourceSetName(set)], ['info', info]]),

  /** After a peer's death: OK/bad/badhost from a reset, n_stnth without a device, unneeded when it gave up everything. */
  stonith: (node: string, result: 'OK' | 'bad' | 'badhost' | 'n_stnth' | 'unneeded'): HaMessage =>
    HaMessage.fromStrings([['t', 'stonith'], ['node', node], ['result', result]]),

  /** req_resource when another node may hold the group (legacy mode). */
  ipRequest: (key: string): HaMessage => HaMessage.fromStrings([['t', 'ip-request'], ['ipaddr', key]]),

  ipRequestResp: (dest: string, key: string, weOwn: boolean): HaMessage =>
    HaMessage.fromStrings([['t', 'ip-request-resp'], ['dest', dest], ['ipaddr', key], ['weown', weOwn ? 'yes' : 'no'], ['ok', 'OK']]),

  /** hb_takeover: asks the peer to go standby for the complementary set. */
  hbTakeover: (set: string): HaMessage => HaMessage.fromStrings([['t', 'hb_takeover'], ['rsc_hold', set]]),
} as const;
