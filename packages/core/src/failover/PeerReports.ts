import type { Logger } from '../log/Logger.js';
import type { HaMessage } from '../wire/HaMessage.js';

interface Position {
  readonly generation: number;
  readonly seq: number;
}

/**
 * The newest state report (`starting`, `resource`) and standby message (`ask_resources`)
 * processed from each peer, by generation and seq, to skip older ones that membership delivers
 * late, retransmitted after a loss. heartbeat processes them as they come; we skip them because:
 * - an old report undoes a newer one (a late `resource none isstable=0` after `resource local
 *   isstable=1` leaves the peer unstable for good, and every standby and shutdown waits on it);
 * - an old standby message belongs to a standby already over. A node that boots can get a whole
 *   standby retransmitted from before its start (old frames in a cable's buffer make it ask for
 *   the gap): answering the old request starts a standby that nobody finishes, and the old `done`
 *   would take groups the peer still runs. A request is also old when a newer report of the peer
 *   was processed; `other` and `done` are not, as a report may overtake them legitimately.
 */
export class PeerReports {
  private readonly newestReport = new Map<string, Position>();
  private readonly newestStandby = new Map<string, Position>();

  constructor(private readonly log: Logger) {}

  /** Whether the report `msg` from `from` is older than one already processed; remembers it otherwise. */
  isStale(from: string, msg: HaMessage): boolean {
    return this.isOlder(from, msg, this.newestReport);
  }

  /** Whether the standby message `msg` from `from` is of a standby already over; remembers it otherwise. */
  isStaleStandby(from: string, msg: HaMessage): boolean {
    const at = positionOf(msg);
    if (at !== undefined && msg.get('info')?.toLowerCase() === 'me' && this.predates(from, msg, at, this.newestReport.get(from))) return true;
    return this.isOlder(from, msg, this.newestStandby);
  }

  private isOlder(from: string, msg: HaMessage, newest: Map<string, Position>): boolean {
    const at = positionOf(msg);
    if (at === undefined) return false;
    if (this.predates(from, msg, at, newest.get(from))) return true;
    newest.set(from, at);
    return false;
  }

  private predates(from: string, msg: HaMessage, at: Position, known: Position | undefined): boolean {
    if (known === undefined || known.generation !== at.generation || at.seq >= known.seq) return false;
    this.log.info(`${msg.get('t') ?? '?'} message seq ${at.seq.toString(16)} from ${from} arrived after its seq ${known.seq.toString(16)} (retransmitted): stale, ignored.`);
    return true;
  }
}

function positionOf(msg: HaMessage): Position | undefined {
  const generation = Number.parseInt(msg.get('hg') ?? '', 16);
  const seq = Number.parseInt(msg.get('seq') ?? '', 16);
  return Number.isFinite(generation) && Number.isFinite(seq) ? { generation, seq } : undefined;
}
