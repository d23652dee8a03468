import type { Membership } from '../membership/Membership.js';
import type { MembershipEvent } from '../membership/MembershipEvent.js';
import { HaMessage } from '../wire/HaMessage.js';

/**
 * heartbeat's nice_failback negotiation (`auto_failback on|off`, spec §7.2/§7.8) answered by a node
 * that holds no resources. Without it a real heartbeat peer waits in STARTING for our `resource`
 * message forever, and its SIGTERM then hangs ("Shutdown delayed until current resource activity
 * finishes"), since heartbeat only leaves once the other side has said it is stable.
 *
 * We have nothing to acquire, so we are stable from comm-up on and say so (`rsc_hold=none`,
 * `isstable=1`); this stays true only while Heartline runs no resources. The resource layer
 * replaces this class. Messages carry heartbeat's fields in heartbeat's order
 * (hb_send_resources_held: `t`, `rsc_hold`, `rtype`, `isstable`, then `info` when given).
 */
export class ResourcelessParticipant {
  /** Peers whose last `resource` message said `isstable=1` (heartbeat's `other_is_stable`). */
  private readonly stablePeers = new Set<string>();
  private shuttingDown = false;
  private detachListener: (() => void) | undefined;

  constructor(private readonly membership: Membership) {}

  attach(): void {
    this.detachListener ??= this.membership.on((event) => this.onEvent(event));
  }

  detach(): void {
    this.detachListener?.();
    this.detachListener = undefined;
  }

  /**
   * Our part of the graceful leave, before `shutdone` (hb_giveup_resources): tell the peers we hold
   * nothing and are in transition, then give up the (no) groups with heartbeat's lines.
   */
  releaseResources(): Promise<void> {
    this.shuttingDown = true;
    this.sendResourcesHeld(false, 'shutdown');
    const { logger } = this.membership;
    logger.info('Giving up all HA resources.');
    logger.info('All HA resources relinquished.');
    return Promise.resolve();
  }

  private onEvent(event: MembershipEvent): void {
    switch (event.kind) {
      case 'comm-up':
        // comm_up_resource_action -> send_local_starting, right after the `active` status.
        if (!this.shuttingDown) this.membership.send(HaMessage.fromStrings([['t', 'starting']]));
        return;
      case 'node-dead':
      case 'node-restart':
        this.stablePeers.delete(event.node);
        return;
      case 'message':
        if (!event.fromSelf) this.onPeerMessage(event.from, event.message);
        return;
      default:
        return;
    }
  }

  private onPeerMessage(from: string, message: HaMessage): void {
    switch (message.type) {
      case 'starting':
        // A request for what we hold; the peer is starting, so no longer stable.
        this.stablePeers.delete(from);
        this.sendResourcesHeld(!this.shuttingDown);
        return;
      case 'resource': {
        const isstable = message.get('isstable');
        if (isstable === undefined) return; // from a takeover script: says nothing about stability
        if (isstable !== '1') {
          this.stablePeers.delete(from);
          return;
        }
        if (this.stablePeers.has(from)) return;
        this.stablePeers.add(from);
        this.membership.logger.info('remote resource transition completed.');
        // heartbeat answers the peer's transition to stable with its own state, which lets a
        // stable peer that just saw our `starting` consider us stable again.
        this.sendResourcesHeld(!this.shuttingDown);
        return;
      }
      case 'shutdone':
        // The peer released everything; heartbeat would take over its resources here (we have none).
        this.stablePeers.add(from);
        this.membership.logger.info(`Received shutdown notice from '${from}'.`);
        return;
      default:
        return;
    }
  }

  private sendResourcesHeld(stable: boolean, info?: string): void {
    const fields: Array<[string, string]> = [
      ['t', 'resource'],
      ['rsc_hold', 'none'],
      ['rtype', 'full'],
      ['isstable', stable ? '1' : '0'],
    ];
    if (info !== undefined) fields.push(['info', info]);
    this.membership.send(HaMessage.fromStrings(fields));
  }
}
