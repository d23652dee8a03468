import type { HaCf } from '@heartline/core';

/**
 * What a reload does with a changed ha.cf value:
 * - `timing`: membership takes it at once (keepalive, deadtime, warntime);
 * - `log`: the log sinks are made anew;
 * - `restart`: refused, the node keeps the old value until it restarts (`why` says what it shapes);
 * - `later`: nothing runs on it now; kept for the node's next start (initdead) or never used;
 * - `derived`: computed from other directives (hbparameter's record), follows them.
 */
export type HaCfReloadRule =
  | { readonly directive: string; readonly apply: 'timing' | 'log' }
  | { readonly directive: string; readonly apply: 'restart' | 'later'; readonly why: string }
  | { readonly apply: 'derived' }
  | { readonly apply: 'media' };

const restart = (directive: string, why: string): HaCfReloadRule => ({ directive, apply: 'restart', why });
const later = (directive: string, why: string): HaCfReloadRule => ({ directive, apply: 'later', why });
const log = (directive: string): HaCfReloadRule => ({ directive, apply: 'log' });
const timing = (directive: string): HaCfReloadRule => ({ directive, apply: 'timing' });

const MEMBERSHIP = 'the cluster membership is built from it at start';
const WIRE = 'the media and the wire format are set up at start';
const RESOURCES = 'the resource layer is set up with it at start';
const IDENTITY = "the node's identity (generation, uuid) is made at start";
const NO_EFFECT = 'Heartline does not act on it (see docs/configuration.md)';
const NO_PING = 'Heartline tracks no ping nodes yet';

/**
 * Every field of HaCf, so a field added to ha.cf's model cannot be forgotten here (the compiler
 * asks for it): the directive it comes from and what a reload does when it changes.
 */
export const haCfReloadRules: Readonly<Record<keyof HaCf, HaCfReloadRule>> = {
  keepaliveMs: timing('keepalive'),
  deadtimeMs: timing('deadtime'),
  warntimeMs: timing('warntime'),
  initdeadMs: later('initdead', 'used only while the node starts: the next start takes it'),
  deadpingMs: later('deadping', NO_PING),
  udpport: restart('udpport', WIRE),
  baud: restart('baud', WIRE),
  media: { apply: 'media' },
  nodes: restart('node', MEMBERSHIP),
  pingNodes: later('ping', NO_PING),
  ping6Nodes: later('ping6', NO_PING),
  pingGroups: later('ping_group', NO_PING),
  autoFailback: restart('auto_failback', 'the resource negotiation mode is agreed with the peer at start'),
  logfile: log('logfile'),
  debugfile: log('debugfile'),
  logfacility: log('logfacility'),
  useLogd: log('use_logd'),
  connLogdTimeMs: later('conn_logd_time', NO_EFFECT),
  apiauth: later('apiauth', NO_EFFECT),
  respawn: later('respawn', NO_EFFECT),
  failfast: later('failfast', NO_EFFECT),
  stonith: restart('stonith', `${RESOURCES} (the STONITH device, docs/fencing.md)`),
  stonithHost: restart('stonith_host', `${RESOURCES} (the STONITH device, docs/fencing.md)`),
  watchdog: later('watchdog', NO_EFFECT),
  hopfudge: restart('hopfudge', MEMBERSHIP),
  realtime: later('realtime', NO_EFFECT),
  rtprio: later('rtprio', NO_EFFECT),
  debug: log('debug'),
  msgfmt: restart('msgfmt', WIRE),
  autojoin: restart('autojoin', MEMBERSHIP),
  uuidfrom: restart('uuidfrom', IDENTITY),
  hbgenmethod: restart('hbgenmethod', IDENTITY),
  cluster: later('cluster', NO_EFFECT),
  quorumServer: later('quorum_server', NO_EFFECT),
  maxRexmitDelayMs: restart('max_rexmit_delay', MEMBERSHIP),
  memreserveKb: later('memreserve', NO_EFFECT),
  compression: later('compression', NO_EFFECT),
  compressionThresholdKb: later('compression_threshold', NO_EFFECT),
  traditionalCompression: later('traditional_compression', NO_EFFECT),
  coredumps: later('coredumps', NO_EFFECT),
  coreroot: later('coreroot', NO_EFFECT),
  useApphbd: later('use_apphbd', NO_EFFECT),
  logBadpack: restart('log_badpack', WIRE),
  syslogmsgfmt: log('syslogmsgfmt'),
  crm: restart('crm', RESOURCES),
  env: restart('env', `${RESOURCES} (the resource scripts' environment)`),
  recorded: { apply: 'derived' },
};
