import type { MediaSpec } from './MediaSpec.js';

export type AutoFailback = 'on' | 'off' | 'legacy';

export interface ProgramSpec {
  readonly user: string;
  readonly command: readonly string[];
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
  readonly pingNodes: readonly string[];
  readonly pingGroups: ReadonlyArray<{ readonly name: string; readonly hosts: readonly string[] }>;
  readonly autoFailback: AutoFailback;
  readonly logfile: string | undefined;
  readonly debugfile: string | undefined;
  /** Syslog facility name, or undefined for none. */
  readonly logfacility: string | undefined;
  readonly useLogd: boolean;
  readonly respawn: readonly ProgramSpec[];
  readonly failfast: readonly ProgramSpec[];
  readonly stonith: ReadonlyArray<{ readonly type: string; readonly configFile: string }>;
  readonly stonithHost: ReadonlyArray<{ readonly host: string; readonly type: string; readonly params: string }>;
  readonly watchdog: string | undefined;
  readonly hopfudge: number;
  readonly realtime: boolean;
  readonly debug: number;
  readonly msgfmt: 'classic' | 'netstring';
  readonly autojoin: 'none' | 'other' | 'any';
  readonly uuidfrom: 'file' | 'nodename';
  readonly hbgenmethod: 'file' | 'time';
  readonly cluster: string;
  readonly maxRexmitDelayMs: number;
  readonly logBadpack: boolean;
  readonly syslogmsgfmt: boolean;
  readonly crm: string;
  readonly env: Readonly<Record<string, string>>;
  /** Directives as written, for `hbparameter` (heartbeat records the text, and computed defaults with `ms`). */
  readonly recorded: ReadonlyMap<string, string>;
}
