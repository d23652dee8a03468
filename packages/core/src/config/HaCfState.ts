import type { ErrorCode } from '../errors/errorCatalogue.js';
import type { ApiAuth, AutoFailback, ProgramSpec } from './HaCf.js';
import { IssueList } from './IssueList.js';
import type { MediaSpec } from './MediaSpec.js';
import type { SourceLocation } from './SourceLocation.js';

/** Heartbeat's port when neither ha.cf nor /etc/services (`ha-cluster/udp`) gives one. */
export const DEFAULT_UDPPORT = 694;
export const DEFAULT_BAUD = 19200;

/** The first line of a kind of medium: heartbeat's media plugins read udpport/baud only then. */
export interface FirstUse {
  readonly line: number;
  readonly value: number;
  readonly directive: string;
}

/**
 * The mutable state of one ha.cf parse, mirroring heartbeat's globals while `parse_config` reads
 * the file top to bottom. Time fields hold -1 while unset, as heartbeat does.
 */
export class HaCfState {
  readonly issues: IssueList;
  line = 0;

  keepaliveMs = 1000;
  deadtimeMs = 30000;
  warntimeMs = -1;
  initdeadMs = -1;
  deadpingMs = -1;
  /** Lines of the time directives, to point final checks at them. */
  readonly timeLines = new Map<string, number>();

  udpport: number | undefined;
  udpportLine = 0;
  baud = DEFAULT_BAUD;
  baudSeen = false;
  baudLine = 0;
  /** Per media plugin (bcast, ucast, ucast6, serial): the line that loaded it and the port/baud it kept. */
  readonly firstMedia = new Map<string, FirstUse>();
  readonly media: MediaSpec[] = [];

  readonly nodes: string[] = [];
  readonly pingNodes: string[] = [];
  readonly ping6Nodes: string[] = [];
  readonly pingGroups: Array<{ name: string; hosts: string[] }> = [];

  autoFailback: AutoFailback = 'legacy';
  /** Heartbeat's `nice_failback` flag: set by `auto_failback on|off`, read by `nice_failback`. */
  niceFailback = false;

  logfile: string | undefined;
  debugfile: string | undefined;
  facility: string | undefined;
  facilityCode = -1;
  useLogd: boolean | undefined;
  useLogdLine = 0;
  connLogdTimeMs = 60000;
  readonly apiauth: ApiAuth[] = [];
  readonly respawn: ProgramSpec[] = [];
  readonly failfast: ProgramSpec[] = [];
  readonly stonith: Array<{ type: string; configFile: string; where: SourceLocation }> = [];
  readonly stonithHost: Array<{ host: string; type: string; params: string; where: SourceLocation }> = [];
  watchdog: string | undefined;
  hopfudge = 1;
  realtime = true;
  rtprio: number | undefined;
  debug = 0;
  msgfmt: 'classic' | 'netstring' = 'classic';
  autojoin: 'none' | 'other' | 'any' = 'none';
  autojoinLine = 0;
  uuidfrom: 'file' | 'nodename' = 'file';
  hbgenmethod: 'file' | 'time' = 'file';
  cluster = 'linux-ha';
  quorumServer: string | undefined;
  maxRexmitDelayMs = 250;
  memreserveKb = 6500;
  compression = 'zlib';
  compressionThresholdKb = 2;
  traditionalCompression = false;
  coredumps = true;
  coreroot: string | undefined;
  useApphbd = false;
  logBadpack = true;
  syslogmsgfmt = true;
  crm = 'false';
  pacemakerSeen = false;
  /** crm/pacemaker asked for Pacemaker: heartbeat then skips haresources checks. */
  pacemakerOn = false;
  readonly env: Record<string, string> = {};
  readonly recorded = new Map<string, string>();

  constructor(file: string) {
    this.issues = new IssueList(file);
  }

  /** An error on the line being read. */
  error(column: number, code: ErrorCode, message: string, hint?: string): false {
    this.issues.error(this.line, column, code, message, hint);
    return false;
  }

  warning(column: number, code: ErrorCode, message: string, hint?: string): void {
    this.issues.warning(this.line, column, code, message, hint);
  }

  /** Where a word of the line being read sits. */
  at(column: number): SourceLocation {
    return { file: this.issues.file, line: this.line, column };
  }

  /** The udpport a UDP medium read now would use. */
  currentUdpport(): number {
    return this.udpport ?? DEFAULT_UDPPORT;
  }
}
