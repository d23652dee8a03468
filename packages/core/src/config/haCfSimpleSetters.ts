import { syslogFacilityCode } from '../log/syslogFacilityCode.js';
import type { DirectiveSetter } from './HaCfDirective.js';
import type { HaCfState } from './HaCfState.js';
import type { HaCfWord } from './HaCfWord.js';
import { parseHeartbeatBoolean } from './parseHeartbeatBoolean.js';

type BooleanField =
  | 'realtime'
  | 'logBadpack'
  | 'syslogmsgfmt'
  | 'coredumps'
  | 'traditionalCompression'
  | 'useApphbd';

function booleanSetter(directive: string, field?: BooleanField): DirectiveSetter {
  return (state: HaCfState, value: HaCfWord) => {
    const flag = parseHeartbeatBoolean(value.text);
    if (flag === undefined) return state.error(value.column, 'CONFIG_BAD_BOOLEAN', `${directive}: '${value.text}' is not yes or no`);
    if (field !== undefined) state[field] = flag;
    return true;
  };
}

/** Integer directives. Heartbeat's atoi reads garbage as 0; Heartline insists on digits. */
function integerSetter(directive: string, min: number, max: number, apply: (state: HaCfState, n: number) => void): DirectiveSetter {
  return (state, value) => {
    const n = Number(value.text);
    if (!/^-?\d+$/.test(value.text) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min}-${max}`;
      return state.error(value.column, 'CONFIG_BAD_VALUE', `${directive}: '${value.text}' is not a whole number ${range}`);
    }
    apply(state, n);
    return true;
  };
}

function choiceSetter<T extends string>(
  directive: string,
  choices: readonly T[],
  caseInsensitive: boolean,
  apply: (state: HaCfState, choice: T) => void,
): DirectiveSetter {
  return (state, value) => {
    const text = caseInsensitive ? value.text.toLowerCase() : value.text;
    const choice = choices.find((c) => c === text);
    if (choice === undefined) {
      return state.error(value.column, 'CONFIG_BAD_VALUE', `${directive}: '${value.text}' is not one of ${choices.join(', ')}`);
    }
    apply(state, choice);
    return true;
  };
}

function addNode(state: HaCfState, value: HaCfWord): boolean {
  const name = value.text.toLowerCase();
  if (state.nodes.includes(name)) {
    state.warning(value.column, 'CONFIG_DUPLICATE_NODE', `node '${name}' is declared again`);
    return true;
  }
  state.nodes.push(name);
  return true;
}

function setFacility(state: HaCfState, value: HaCfWord): boolean {
  const code = value.text === 'none' ? 0 : syslogFacilityCode(value.text);
  if (code === undefined) {
    return state.error(value.column, 'CONFIG_BAD_VALUE', `logfacility: '${value.text}' is not a syslog facility`, 'Use daemon, local0 ... local7, another syslog facility name, or none.');
  }
  // Heartbeat enables syslog only for a facility number above 0, so `kern` (0) means none.
  state.facilityCode = code;
  state.facility = code > 0 ? value.text : undefined;
  return true;
}

function setAutoFailback(state: HaCfState, value: HaCfWord): boolean {
  const flag = parseHeartbeatBoolean(value.text);
  if (flag !== undefined) {
    state.autoFailback = flag ? 'on' : 'off';
    state.niceFailback = true;
    return true;
  }
  if (value.text.toLowerCase() === 'legacy') {
    state.autoFailback = 'legacy';
    state.niceFailback = false;
    return true;
  }
  return state.error(value.column, 'CONFIG_BAD_VALUE', `auto_failback: '${value.text}' is not on, off or legacy`);
}

/** Obsolete: whatever its value, heartbeat reads it as legacy, or off after an auto_failback on/off. */
function setNiceFailback(state: HaCfState, value: HaCfWord): boolean {
  if (parseHeartbeatBoolean(value.text) === undefined) {
    return state.error(value.column, 'CONFIG_BAD_BOOLEAN', `nice_failback: '${value.text}' is not yes or no`);
  }
  const becomes = state.niceFailback ? 'off' : 'legacy';
  state.autoFailback = becomes;
  state.warning(value.column, 'CONFIG_NICE_FAILBACK', `'nice_failback ${value.text}' is obsolete and is read as 'auto_failback ${becomes}'`);
  return true;
}

function setPacemaker(state: HaCfState, value: HaCfWord): boolean {
  if (state.pacemakerSeen) return state.error(value.column, 'CONFIG_DUPLICATE_DIRECTIVE', 'crm/pacemaker is given more than once');
  state.pacemakerSeen = true;
  const word = value.text.toLowerCase();
  const mode = ['minimal', 'manual', 'respawn', 'ccm-only', 'valgrind'].includes(word) ? true : parseHeartbeatBoolean(word);
  if (mode === undefined) return state.error(value.column, 'CONFIG_BAD_VALUE', `crm: '${value.text}' is not on, off, respawn, minimal, manual, valgrind or ccm-only`);
  state.crm = value.text;
  if (mode) {
    state.pacemakerOn = true;
    state.error(value.column, 'CONFIG_PACEMAKER_UNSUPPORTED', `crm/pacemaker '${value.text}' enables Pacemaker, which Heartline does not run`);
  }
  // Recorded as `pacemaker` (heartbeat's `crm` is an alias that re-adds the option under that key).
  state.recorded.set('pacemaker', value.text);
  return true;
}

/** crm_daemon_dir and crmd_spawns_pengine must precede crm/pacemaker, whatever its value. */
function beforePacemaker(directive: string, check: DirectiveSetter): DirectiveSetter {
  return (state, value) => {
    if (state.pacemakerSeen) {
      return state.error(value.column, 'CONFIG_ORDER', `${directive} comes after the crm/pacemaker line`, `Move ${directive} above the crm/pacemaker line.`);
    }
    return check(state, value);
  };
}

function setEnv(state: HaCfState, value: HaCfWord): boolean {
  const eq = value.text.indexOf('=');
  if (eq <= 0) return state.error(value.column, 'CONFIG_BAD_VALUE', `env: '${value.text}' is not NAME=value`);
  state.env[`HA_${value.text.slice(0, eq)}`] = value.text.slice(eq + 1);
  return true;
}

const acceptAny: DirectiveSetter = () => true;

export const simpleSetters: Readonly<Record<string, DirectiveSetter>> = {
  cluster: (state, value) => ((state.cluster = value.text), true),
  // Heartbeat's set_quorum_server also overwrites the cluster name; kept for hbparameter parity.
  quorum_server: (state, value) => ((state.quorumServer = value.text), (state.cluster = value.text), true),
  node: addNode,
  hopfudge: integerSetter('hopfudge', 0, 255, (s, n) => (s.hopfudge = n)),
  debug: integerSetter('debug', 0, 255, (s, n) => (s.debug = n)),
  rtprio: integerSetter('rtprio', 1, 99, (s, n) => (s.rtprio = n)),
  memreserve: integerSetter('memreserve', 1, Number.MAX_SAFE_INTEGER, (s, n) => (s.memreserveKb = n)),
  compression_threshold: integerSetter('compression_threshold', 1, Number.MAX_SAFE_INTEGER, (s, n) => (s.compressionThresholdKb = n)),
  watchdog: (state, value) => {
    if (state.watchdog !== undefined) return state.error(value.column, 'CONFIG_DUPLICATE_DIRECTIVE', 'watchdog device is given twice');
    state.watchdog = value.text;
    return true;
  },
  logfacility: setFacility,
  logfile: (state, value) => ((state.logfile = value.text), true),
  debugfile: (state, value) => ((state.debugfile = value.text), true),
  auto_failback: setAutoFailback,
  nice_failback: setNiceFailback,
  hbgenmethod: choiceSetter('hbgenmethod', ['file', 'time'] as const, false, (s, c) => (s.hbgenmethod = c)),
  msgfmt: choiceSetter('msgfmt', ['classic', 'netstring'] as const, false, (s, c) => (s.msgfmt = c)),
  uuidfrom: choiceSetter('uuidfrom', ['file', 'nodename'] as const, false, (s, c) => (s.uuidfrom = c)),
  autojoin: choiceSetter('autojoin', ['none', 'other', 'any'] as const, true, (s, c) => ((s.autojoin = c), (s.autojoinLine = s.line))),
  compression: choiceSetter('compression', ['zlib', 'bz2'] as const, false, (s, c) => (s.compression = c)),
  realtime: booleanSetter('realtime', 'realtime'),
  log_badpack: booleanSetter('log_badpack', 'logBadpack'),
  syslogmsgfmt: booleanSetter('syslogmsgfmt', 'syslogmsgfmt'),
  coredumps: booleanSetter('coredumps', 'coredumps'),
  traditional_compression: booleanSetter('traditional_compression', 'traditionalCompression'),
  use_apphbd: booleanSetter('use_apphbd', 'useApphbd'),
  use_logd: (state, value) => {
    const flag = parseHeartbeatBoolean(value.text);
    if (flag === undefined) return state.error(value.column, 'CONFIG_BAD_BOOLEAN', `use_logd: '${value.text}' is not yes or no`);
    state.useLogd = flag;
    state.useLogdLine = state.line;
    return true;
  },
  coreroot: (state, value) => ((state.coreroot = value.text), true),
  crm: setPacemaker,
  pacemaker: setPacemaker,
  crm_daemon_dir: beforePacemaker('crm_daemon_dir', acceptAny),
  crmd_spawns_pengine: beforePacemaker('crmd_spawns_pengine', booleanSetter('crmd_spawns_pengine')),
  record_config_changes: booleanSetter('record_config_changes'),
  record_pengine_inputs: booleanSetter('record_pengine_inputs'),
  enable_config_writes: booleanSetter('enable_config_writes'),
  env: setEnv,
};
