import type { OpenFailureReason } from '../auth/OpenResult.js';
import type { Logger } from '../log/Logger.js';
import { decodeMessage } from '../wire/decodeMessage.js';

/**
 * Counts refused packets by reason and, unless `log_badpack off`, logs them the way heartbeat
 * does (spec §3.4). A bad packet is never an exception: it is dropped, and its seq becomes a gap
 * the sender is asked to fill.
 */
export class BadPackets {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly logBadpack: boolean,
  ) {}

  record(frame: Uint8Array, linkName: string, reason: OpenFailureReason, detail: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    if (!this.logBadpack) return;
    const classic = frame.length >= 4 && frame[0] === 0x3e && frame[1] === 0x3e && frame[2] === 0x3e;
    const log = this.logger;
    switch (reason) {
      case 'auth-missing':
        if (classic) {
          log.warn('Bad/invalid auth token, authtoken=(nil)');
          log.warn(`string2msg_ll: node [${this.sender(frame)}] failed authentication`);
        } else {
          log.error('peel_netstring() error in getting auth string');
        }
        return;
      case 'auth-failed':
      case 'unknown-slot':
        if (classic) log.warn(`string2msg_ll: node [${this.sender(frame)}] failed authentication`);
        else log.error(`netstring authentication failed, s=[${this.sender(frame)}] on ${linkName}: ${detail}`);
        return;
      default:
        log.warn(`bad packet on ${linkName} (${reason}): ${detail}`);
    }
  }

  /** Refused packets so far, by reason. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  private sender(frame: Uint8Array): string {
    const decoded = decodeMessage(frame);
    return (decoded.ok ? decoded.message.get('src') : undefined) ?? '?';
  }
}
