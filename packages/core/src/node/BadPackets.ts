import type { OpenFailureReason } from '../auth/OpenResult.js';
import type { Logger } from '../log/Logger.js';
import { LogFloodLimiter } from '../log/LogFloodLimiter.js';
import type { LogFloodLimits } from '../log/LogFloodLimits.js';
import { printableForLog } from '../log/printableForLog.js';
import type { Clock } from '../time/Clock.js';
import { decodeMessage } from '../wire/decodeMessage.js';
import type { HaMessage } from '../wire/HaMessage.js';

/** Longest sender name and refusal detail a line repeats from a packet: the rest is the attacker's. */
const MAX_SENDER_CHARS = 64;
const MAX_DETAIL_CHARS = 160;

/**
 * Counts refused packets by reason and, unless `log_badpack off`, logs them the way heartbeat
 * does (spec §3.4). A bad packet is never an exception: it is dropped, and its seq becomes a gap
 * the sender is asked to fill. A flood of them is logged in full only for its first packets per
 * reason and sender, then summarised (LogFloodLimiter).
 */
export class BadPackets {
  private readonly counts = new Map<string, number>();
  private readonly limiter: LogFloodLimiter;

  constructor(
    private readonly logger: Logger,
    private readonly logBadpack: boolean,
    clock: Clock,
    limits: Partial<LogFloodLimits> = {},
  ) {
    this.limiter = new LogFloodLimiter(clock, logger, 'bad packets', limits);
  }

  /** `from` is the sender's address as the medium knows it (the link name on serial media). */
  record(frame: Uint8Array, linkName: string, from: string, reason: OpenFailureReason, detail: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    if (!this.logBadpack) return;
    const sender = this.sender(frame);
    const link = printableForLog(linkName, MAX_SENDER_CHARS);
    const address = from === linkName ? '' : ` ${printableForLog(from, MAX_SENDER_CHARS)}`;
    if (!this.limiter.admit(reason, `[${sender}]${address} on ${link}`)) return;
    const classic = frame.length >= 4 && frame[0] === 0x3e && frame[1] === 0x3e && frame[2] === 0x3e;
    const why = printableForLog(detail, MAX_DETAIL_CHARS);
    const log = this.logger;
    switch (reason) {
      case 'auth-missing':
        if (classic) {
          log.warn('Bad/invalid auth token, authtoken=(nil)');
          log.warn(`string2msg_ll: node [${sender}] failed authentication`);
        } else {
          log.error('peel_netstring() error in getting auth string');
        }
        return;
      case 'auth-failed':
      case 'unknown-slot':
        if (classic) log.warn(`string2msg_ll: node [${sender}] failed authentication`);
        else log.error(`netstring authentication failed, s=[${sender}] on ${link}: ${why}`);
        return;
      default:
        log.warn(`bad packet on ${link} (${reason}): ${why}`);
    }
  }

  /**
   * An authenticated message that membership threw on: a bug, but one a peer's packets trigger,
   * so it is limited like a bad packet (not counted as one: the packet was not refused).
   */
  processingFailed(message: HaMessage, linkName: string, error: unknown): void {
    const src = printableForLog(message.get('src') ?? '?', MAX_SENDER_CHARS);
    if (!this.limiter.admit('processing-failed', `[${src}] on ${printableForLog(linkName, MAX_SENDER_CHARS)}`)) return;
    const type = printableForLog(message.get('t') ?? '?', MAX_SENDER_CHARS);
    this.logger.error(`processing a ${type} message failed: ${(error as Error).stack ?? String(error)}`);
  }

  /** Refused packets so far, by reason. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Refused packets by reason that were counted but not logged in full (flood limits). */
  unlogged(): Record<string, number> {
    return this.limiter.unwrittenCounts();
  }

  /** Logs the summaries still owed: the node stops. */
  flush(): void {
    this.limiter.flush();
  }

  private sender(frame: Uint8Array): string {
    const decoded = decodeMessage(frame);
    const src = decoded.ok ? decoded.message.get('src') : undefined;
    return src === undefined ? '?' : printableForLog(src, MAX_SENDER_CHARS);
  }
}
