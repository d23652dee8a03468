import type { MediaSpec } from './MediaSpec.js';
import type { SourceLocation } from './SourceLocation.js';

export type AutoFailback = 'on' | 'off' | 'legacy';

/** A `respawn` or `failfast` child: the user it runs as and its command line (absolute path first). */
export interface ProgramSpec {
  readonly user: string;
  readonly command: readonly string[];
}

/** `apiauth client uid=a,b gid=c,d`: who may connect to the API as `client`. */
export interface ApiAuth {
  readonly client: string;
  readonly uids: readonly string[];
  readonly gids: readonly string[];
}

/**
 * ha.cf as heartbeat 3.0.6 understands it, defaults applied. Times are milliseconds. Node names
 * are lowercased, in file order.
 */
export interface HaCf {
  readonly keepaliveMs: number;
  readonly deadtimeMs: number;
  readonly warntimeMs: number;
  readonly initdeadMs: number;
  readonly deadpingMs: number;
  readonly udpport: number;
  readonly baud: number;
  readonly media: readonly MediaSpec[];
  readonly nodes: readonly string[];
  /** `ping` hosts, lowercased as heartbeat does for every node name. */
  readonly pingNodes: readonly string[];
  readonly ping6Nodes: readonly string[];
  readonly pingGroups: ReadonlyArray<{ readonly name: string; readonly hosts: readonly string[] }>;
  readonly autoFailback: AutoFailback;
  readonly logfile: string | undefined;
  readonly debugfile: string | undefined;
  /** Syslog facility name, or undefined for none. */
  readonly logfacility: string | undefined;
  readonly useLogd: boolean;
  readonly connLogdTimeMs: number;
  readonly apiauth: readonly ApiAuth[];
  readonly respawn: readonly ProgramSpec[];
  readonly failfast: readonly ProgramSpec[];
  /** `stonith TYPE CONFIGFILE` lines, in file order; `where` points at the type. */
  readonly stonith: ReadonlyArray<{ readonly type: string; readonly configFile: string; readonly where: SourceLocation }>;
  /**
   * `stonith_host HOST|* TYPE PARAMS` lines, in file order, for every host (`host` lowercased);
   * which device a node uses is decided when its name is known (selectFenceLine).
   */
  readonly stonithHost: ReadonlyArray<{ readonly host: string; readonly type: string; readonly params: string; readonly where: SourceLocation }>;
  readonly watchdog: string | undefined;
  readonly hopfudge: number;
  readonly realtime: boolean;
  /** SCHED_FIFO priority; undefined means heartbeat's midpoint. */
  readonly rtprio: number | undefined;
  readonly debug: number;
  readonly msgfmt: 'classic' | 'netstring';
  readonly autojoin: 'none' | 'other' | 'any';
  readonly uuidfrom: 'file' | 'nodename';
  readonly hbgenmethod: 'file' | 'time';
  readonly cluster: string;
  readonly quorumServer: string | undefined;
  readonly maxRexmitDelayMs: number;
  readonly memreserveKb: number;
  readonly compression: string;
  readonly compressionThresholdKb: number;
  readonly traditionalCompression: boolean;
  readonly coredumps: boolean;
  readonly coreroot: string | undefined;
  readonly useApphbd: boolean;
  readonly logBadpack: boolean;
  readonly syslogmsgfmt: boolean;
  /** `crm`/`pacemaker` as written; Heartline runs only when it is off. */
  readonly crm: string;
  /** `env NAME=value` lines, keyed by the variable heartbeat sets: `HA_NAME`. */
  readonly env: Readonly<Record<string, string>>;
  /** Directives as written, for `hbparameter` (heartbeat records the text, and computed defaults with `ms`). */
  readonly recorded: ReadonlyMap<string, string>;
}
