import type { DirectiveSetter, DirectiveSupport, HaCfDirective } from './HaCfDirective.js';
import { lineSetters } from './haCfLineSetters.js';
import { mediaSetters } from './haCfMediaSetters.js';
import { simpleSetters } from './haCfSimpleSetters.js';
import { timingSetters } from './haCfTimingSetters.js';

const setters: Readonly<Record<string, DirectiveSetter>> = { ...timingSetters, ...mediaSetters, ...lineSetters, ...simpleSetters };

type Row = [name: string, form: 'options' | 'line', recorded: boolean, defaultValue: string | undefined, support: DirectiveSupport, note: string];

const PACEMAKER_ONLY = 'Pacemaker only; Heartline runs haresources (release 1) mode.';
const NO_API = 'Heartline serves no heartbeat API clients (ipfail, ccm); `ha status` has its own control socket.';

// Heartbeat 3.0.6's Directives[] (with their record flag and fixed default), WLdirectives[] and the
// HBcomm media plugins Debian ships. Order follows heartbeat's table.
const rows: readonly Row[] = [
  ['cluster', 'options', true, 'linux-ha', 'accepted', 'Informational name; recorded for hbparameter.'],
  ['node', 'options', false, undefined, 'supported', ''],
  ['hopfudge', 'options', true, '1', 'supported', ''],
  ['keepalive', 'options', true, '1000ms', 'supported', ''],
  ['deadtime', 'options', true, '30000ms', 'supported', ''],
  ['deadping', 'options', true, undefined, 'supported', ''],
  ['initdead', 'options', true, undefined, 'supported', ''],
  ['warntime', 'options', true, undefined, 'supported', ''],
  ['watchdog', 'options', true, undefined, 'ignored', 'Heartline does not drive a watchdog device.'],
  ['baud', 'options', true, '19200', 'supported', ''],
  ['udpport', 'options', true, undefined, 'supported', ''],
  ['logfacility', 'options', true, undefined, 'supported', ''],
  ['logfile', 'options', true, undefined, 'supported', ''],
  ['debugfile', 'options', true, undefined, 'supported', ''],
  ['nice_failback', 'options', false, undefined, 'supported', 'Obsolete: read as auto_failback legacy (or off), with a warning.'],
  ['auto_failback', 'options', true, 'legacy', 'supported', ''],
  ['rtprio', 'options', true, undefined, 'accepted', 'Node cannot run SCHED_FIFO; checked and recorded only.'],
  ['hbgenmethod', 'options', true, 'file', 'supported', ''],
  ['realtime', 'options', true, 'true', 'accepted', 'Node cannot run SCHED_FIFO or mlockall; checked and recorded only.'],
  ['debug', 'options', true, undefined, 'supported', ''],
  ['msgfmt', 'options', true, 'classic', 'supported', ''],
  ['use_logd', 'options', true, undefined, 'supported', 'There is no ha_logd: Heartline writes the log targets itself (syslog facility daemon when none is set, as ha_logd would).'],
  ['conn_logd_time', 'options', true, '60', 'accepted', 'There is no ha_logd to reconnect to.'],
  ['use_apphbd', 'options', false, undefined, 'ignored', 'Heartline does not register with apphbd.'],
  ['log_badpack', 'options', true, 'true', 'supported', ''],
  ['syslogmsgfmt', 'options', true, 'true', 'supported', ''],
  ['coredumps', 'options', true, 'true', 'accepted', 'Core dumps are the Node runtime\'s business; recorded only.'],
  ['coreroot', 'options', true, undefined, 'accepted', 'Core dumps are the Node runtime\'s business; recorded only.'],
  ['crm_daemon_dir', 'options', true, undefined, 'ignored', PACEMAKER_ONLY],
  ['crmd_spawns_pengine', 'options', true, undefined, 'ignored', PACEMAKER_ONLY],
  ['crm', 'options', false, undefined, 'supported', 'Only off: Pacemaker mode is refused with an error.'],
  ['pacemaker', 'options', true, 'false', 'supported', 'Only off: Pacemaker mode is refused with an error.'],
  ['autojoin', 'options', true, 'none', 'supported', 'Only none: other/any conflict with haresources, as in heartbeat.'],
  ['uuidfrom', 'options', true, 'file', 'supported', ''],
  ['compression', 'options', true, 'zlib', 'accepted', 'Checked and recorded; Heartline never compresses what it sends.'],
  ['compression_threshold', 'options', true, '2', 'accepted', 'Checked and recorded; Heartline never compresses what it sends.'],
  ['traditional_compression', 'options', true, 'no', 'accepted', 'Checked and recorded; Heartline never compresses what it sends.'],
  ['env', 'options', false, undefined, 'supported', ''],
  ['max_rexmit_delay', 'options', true, '250', 'supported', ''],
  ['record_config_changes', 'options', true, 'on', 'ignored', PACEMAKER_ONLY],
  ['record_pengine_inputs', 'options', true, 'on', 'ignored', PACEMAKER_ONLY],
  ['enable_config_writes', 'options', true, 'on', 'ignored', PACEMAKER_ONLY],
  ['memreserve', 'options', true, '6500', 'accepted', 'Node manages its own memory; checked and recorded only.'],
  ['quorum_server', 'options', true, undefined, 'ignored', PACEMAKER_ONLY],
  ['stonith', 'line', false, undefined, 'supported', 'Parameters: the first line of the file; the fencer comes from a plugin (docs/fencing.md).'],
  ['stonith_host', 'line', false, undefined, 'supported', 'The last line for this node or `*` wins; the fencer comes from a plugin (docs/fencing.md).'],
  ['apiauth', 'line', false, undefined, 'ignored', NO_API],
  ['respawn', 'line', false, undefined, 'ignored', 'Heartline does not respawn client programs (ipfail and friends) yet.'],
  ['failfast', 'line', false, undefined, 'ignored', 'Heartline does not respawn client programs yet.'],
  ['bcast', 'options', false, undefined, 'supported', ''],
  ['mcast', 'line', false, undefined, 'supported', ''],
  ['mcast6', 'line', false, undefined, 'supported', ''],
  ['ucast', 'line', false, undefined, 'supported', ''],
  ['ucast6', 'line', false, undefined, 'supported', ''],
  ['serial', 'options', false, undefined, 'supported', ''],
  ['ping', 'options', false, undefined, 'ignored', 'Ping nodes are parsed, but Heartline sends no ICMP heartbeats yet (ipfail is their only user).'],
  ['ping6', 'options', false, undefined, 'ignored', 'Ping nodes are parsed, but Heartline sends no ICMP heartbeats yet.'],
  ['ping_group', 'line', false, undefined, 'ignored', 'Ping nodes are parsed, but Heartline sends no ICMP heartbeats yet.'],
];

function build(row: Row): HaCfDirective {
  const [name, form, recorded, defaultValue, support, note] = row;
  const set = setters[name];
  if (set === undefined) throw new Error(`ha.cf directive ${name} has no setter`);
  return { name, form, recorded, defaultValue, support, note, set };
}

/** Every directive heartbeat 3.0.6 (Debian build) accepts in ha.cf, by name. */
export const haCfDirectives: ReadonlyMap<string, HaCfDirective> = new Map(rows.map((row) => [row[0], build(row)]));
