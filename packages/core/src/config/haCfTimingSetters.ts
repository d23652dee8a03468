import type { DirectiveSetter } from './HaCfDirective.js';
import type { HaCfState } from './HaCfState.js';
import type { HaCfWord } from './HaCfWord.js';
import { parseHeartbeatTime } from './parseHeartbeatTime.js';

type TimeField = 'keepaliveMs' | 'deadtimeMs' | 'warntimeMs' | 'initdeadMs' | 'deadpingMs' | 'connLogdTimeMs';

/** A time directive; `positive` for those heartbeat requires above 0 (keepalive, warntime, conn_logd_time). */
function timeSetter(directive: string, field: TimeField, positive: boolean): DirectiveSetter {
  return (state: HaCfState, value: HaCfWord): boolean => {
    const seconds = /^(\d+\.?\d*|\.\d+)s(ec)?$/i.exec(value.text)?.[1];
    const ms = parseHeartbeatTime(seconds ?? value.text);
    if (ms === undefined) return state.error(value.column, 'CONFIG_BAD_TIME', `${directive}: '${value.text}' is not a time`);
    if (seconds !== undefined) {
      // Admins write `2s`; Heartline reads it, but a real heartbeat 3.0.6 sharing this file would not start.
      state.warning(
        value.column,
        'CONFIG_SECONDS_SUFFIX',
        `${directive}: '${value.text}' read as ${ms} ms, but heartbeat 3.0.6 refuses the 's' unit`,
        `Write \`${directive} ${seconds}\` (seconds) or \`${directive} ${ms}ms\` so a real heartbeat node can share this ha.cf.`,
      );
    }
    if (positive && ms <= 0) {
      return state.error(value.column, 'CONFIG_BAD_TIME', `${directive}: '${value.text}' must be more than 0`);
    }
    state[field] = ms;
    state.timeLines.set(directive, state.line);
    return true;
  };
}

/** `max_rexmit_delay` is plain milliseconds (heartbeat reads it with atoi, not the time syntax). */
const maxRexmitDelay: DirectiveSetter = (state, value) => {
  if (!/^\d+$/.test(value.text) || Number(value.text) <= 0) {
    return state.error(value.column, 'CONFIG_BAD_VALUE', `max_rexmit_delay: '${value.text}' is not a number of milliseconds above 0`);
  }
  state.maxRexmitDelayMs = Number(value.text);
  return true;
};

export const timingSetters: Readonly<Record<string, DirectiveSetter>> = {
  keepalive: timeSetter('keepalive', 'keepaliveMs', true),
  deadtime: timeSetter('deadtime', 'deadtimeMs', false),
  deadping: timeSetter('deadping', 'deadpingMs', false),
  initdead: timeSetter('initdead', 'initdeadMs', false),
  warntime: timeSetter('warntime', 'warntimeMs', true),
  conn_logd_time: timeSetter('conn_logd_time', 'connLogdTimeMs', true),
  max_rexmit_delay: maxRexmitDelay,
};
