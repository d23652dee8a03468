import type { ApiAuth, HaCf } from './HaCf.js';
import { haCfDirectives } from './haCfDirectives.js';
import { DEFAULT_UDPPORT, type HaCfState } from './HaCfState.js';

// Heartbeat's built-in API permissions, added for every client ha.cf does not name itself.
const DEFAULT_APIAUTH: readonly ApiAuth[] = [
  { client: 'ipfail', uids: ['hacluster'], gids: [] },
  { client: 'ccm', uids: ['hacluster'], gids: [] },
  { client: 'ping', uids: [], gids: ['haclient'] },
  { client: 'lha-snmpagent', uids: ['root'], gids: [] },
  { client: 'anon', uids: ['root'], gids: ['haclient'] },
];

/** Heartbeat's `init_config` after the file is read: defaults, computed times and cross-checks. */
export function finishHaCf(state: HaCfState): HaCf {
  const { recorded, issues } = state;
  const lineOf = (directive: string): number => state.timeLines.get(directive) ?? 0;
  const pacemaker = state.pacemakerOn;
  // Cross-checks point at the directive's line when it was written, else at the file (line 0).
  const col = (line: number): number => (line === 0 ? 0 : 1);

  for (const directive of haCfDirectives.values()) {
    if (directive.defaultValue !== undefined && !recorded.has(directive.name)) recorded.set(directive.name, directive.defaultValue);
  }
  if (!recorded.has('debug')) recorded.set('debug', String(state.debug));

  if (state.media.length === 0) {
    issues.error(0, 0, 'CONFIG_NO_MEDIA', 'no heartbeat medium (bcast, mcast, ucast or serial) is defined');
  }
  const warntimeSet = state.warntimeMs > 0;
  if (!warntimeSet) {
    state.warntimeMs = Math.trunc(state.deadtimeMs / 2);
    recorded.set('warntime', `${state.warntimeMs}ms`);
  }
  if (state.nodes.length === 0 && state.autojoin !== 'any') {
    issues.error(0, 0, 'CONFIG_NO_NODES', 'no node is defined');
  }
  const { keepaliveMs, deadtimeMs } = state;
  if (deadtimeMs <= 2 * keepaliveMs) {
    const line = lineOf('deadtime') || lineOf('keepalive');
    issues.error(
      line,
      col(line),
      'CONFIG_DEADTIME_TOO_SMALL',
      `deadtime ${deadtimeMs} ms is not more than twice keepalive ${keepaliveMs} ms`,
      `Raise deadtime above ${2 * keepaliveMs} ms (e.g. ${Math.max(10000, 5 * keepaliveMs)} ms) or lower keepalive below ${deadtimeMs / 2} ms.`,
    );
  }
  if (state.initdeadMs < 0) {
    state.initdeadMs = deadtimeMs > 10000 ? deadtimeMs : deadtimeMs < 6000 ? 12000 : 2 * deadtimeMs;
    recorded.set('initdead', `${state.initdeadMs}ms`);
  } else if (state.initdeadMs < deadtimeMs) {
    issues.error(lineOf('initdead'), col(lineOf('initdead')), 'CONFIG_INITDEAD_TOO_SMALL', `initdead ${state.initdeadMs} ms is smaller than deadtime ${deadtimeMs} ms`);
  } else if (state.initdeadMs < 10000) {
    issues.warning(lineOf('initdead'), col(lineOf('initdead')), 'CONFIG_INITDEAD_SHORT', `initdead ${state.initdeadMs} ms may be too small`);
  }
  if (state.deadpingMs < 0) {
    state.deadpingMs = deadtimeMs;
    recorded.set('deadping', `${deadtimeMs}ms`);
  } else if (state.deadpingMs <= 2 * keepaliveMs) {
    issues.error(lineOf('deadping'), col(lineOf('deadping')), 'CONFIG_DEADPING_TOO_SMALL', `deadping ${state.deadpingMs} ms is not more than twice keepalive ${keepaliveMs} ms`);
  }
  if (warntimeSet && state.warntimeMs >= deadtimeMs) {
    issues.warning(lineOf('warntime'), col(lineOf('warntime')), 'CONFIG_WARNTIME_INEFFECTIVE', `warntime ${state.warntimeMs} ms is not below deadtime ${deadtimeMs} ms: nodes die before any late-heartbeat warning`);
  } else if (warntimeSet && state.warntimeMs <= keepaliveMs) {
    issues.warning(lineOf('warntime'), col(lineOf('warntime')), 'CONFIG_WARNTIME_INEFFECTIVE', `warntime ${state.warntimeMs} ms is not above keepalive ${keepaliveMs} ms: every heartbeat would be late`);
  }
  if (!recorded.has('udpport')) recorded.set('udpport', String(DEFAULT_UDPPORT));
  if (state.autoFailback === 'legacy' && !pacemaker) {
    issues.warning(0, 0, 'CONFIG_LEGACY_FAILBACK', "the deprecated 'legacy' auto_failback is in force");
  }
  checkLogging(state);
  if (!pacemaker && state.autojoin !== 'none') {
    issues.error(state.autojoinLine, col(state.autojoinLine), 'CONFIG_AUTOJOIN_CONFLICT', `autojoin ${state.autojoin} conflicts with haresources resource management`);
  }
  const apiauth = [...state.apiauth, ...DEFAULT_APIAUTH.filter((d) => !state.apiauth.some((a) => a.client === d.client))];
  return toHaCf(state, apiauth);
}

/** Heartbeat's `check_logd_usage` and the /dev/null defaults that syslog implies. */
function checkLogging(state: HaCfState): void {
  const hasTarget = state.logfile !== undefined || state.debugfile !== undefined || state.facilityCode > 0;
  if (!hasTarget) {
    if (state.useLogd === undefined) {
      state.useLogd = true;
      state.recorded.set('use_logd', 'yes');
    } else if (!state.useLogd) {
      state.issues.error(state.useLogdLine, state.useLogdLine === 0 ? 0 : 1, 'CONFIG_NO_LOG_TARGET', 'use_logd is off and no logfile, debugfile or logfacility is set');
    }
  } else if (state.useLogd === true) {
    state.issues.warning(
      state.useLogdLine,
      state.useLogdLine === 0 ? 0 : 1,
      'CONFIG_IGNORED_DIRECTIVE',
      'use_logd is on but Heartline has no ha_logd: it writes the logfile, debugfile and logfacility of ha.cf itself',
    );
  }
  if (state.facilityCode > 0) {
    if (state.logfile === undefined) state.recorded.set('logfile', '/dev/null');
    state.logfile ??= '/dev/null';
    if (state.debugfile === undefined) state.recorded.set('debugfile', '/dev/null');
    state.debugfile ??= '/dev/null';
  }
}

function toHaCf(state: HaCfState, apiauth: readonly ApiAuth[]): HaCf {
  return {
    keepaliveMs: state.keepaliveMs,
    deadtimeMs: state.deadtimeMs,
    warntimeMs: state.warntimeMs,
    initdeadMs: state.initdeadMs,
    deadpingMs: state.deadpingMs,
    udpport: state.udpport ?? DEFAULT_UDPPORT,
    baud: state.baud,
    media: [...state.media],
    nodes: [...state.nodes],
    pingNodes: [...state.pingNodes],
    ping6Nodes: [...state.ping6Nodes],
    pingGroups: state.pingGroups.map((g) => ({ name: g.name, hosts: [...g.hosts] })),
    autoFailback: state.autoFailback,
    logfile: state.logfile,
    debugfile: state.debugfile,
    logfacility: state.facility,
    useLogd: state.useLogd ?? false,
    connLogdTimeMs: state.connLogdTimeMs,
    apiauth,
    respawn: [...state.respawn],
    failfast: [...state.failfast],
    stonith: [...state.stonith],
    stonithHost: [...state.stonithHost],
    watchdog: state.watchdog,
    hopfudge: state.hopfudge,
    realtime: state.realtime,
    rtprio: state.rtprio,
    debug: state.debug,
    msgfmt: state.msgfmt,
    autojoin: state.autojoin,
    uuidfrom: state.uuidfrom,
    hbgenmethod: state.hbgenmethod,
    cluster: state.cluster,
    quorumServer: state.quorumServer,
    maxRexmitDelayMs: state.maxRexmitDelayMs,
    memreserveKb: state.memreserveKb,
    compression: state.compression,
    compressionThresholdKb: state.compressionThresholdKb,
    traditionalCompression: state.traditionalCompression,
    coredumps: state.coredumps,
    coreroot: state.coreroot,
    useApphbd: state.useApphbd,
    logBadpack: state.logBadpack,
    syslogmsgfmt: state.syslogmsgfmt,
    crm: state.crm,
    env: { ...state.env },
    recorded: new Map(state.recorded),
  };
}
