import type { Logger } from '../log/Logger.js';
import type { HaMessage } from '../wire/HaMessage.js';

/**
 * The newest state report (`starting`, `resource`) processed from each peer, by generation and
 * seq. A report that membership delivers late, retransmitted after a loss, is older than one
 * already processed: taken as news it would undo the newer one (a late `resource none isstable=0`
 * after `resource local isstable=1` leaves the peer unstable for good, and every standby and
 * shutdown waits on it). heartbeat processes such reports as they come; we skip them.
 */
export class PeerReports {
  private readonly newest = new Map<string, { readonly generation: number; readonly seq: number }>();

  constructor(private readonly log: Logger) {}

  /** Whether `msg` from `from` is older than a report of the same generation already processed; remembers it otherwise. */
  isStale(from: string, msg: HaMessage): boolean {
    const generation = Number.parseInt(msg.get('hg') ?? '', 16);
    const seq = Number.parseInt(msg.get('seq') ?? '', 16);
    if (!Number.isFinite(generation) || !Number.isFinite(seq)) return false;
    const known = this.newest.get(from);
    if (known !== undefined && known.generation === generation && seq < known.seq) {
      this.log.info(`${msg.get('t') ?? '?'} message seq ${seq.toString(16)} from ${from} arrived after its seq ${known.seq.toString(16)} (retransmitted): stale, ignored.`);
      return true;
    }
    this.newest.set(from, { generation, seq });
    return false;
  }
}
