import type { HaCf } from '../config/HaCf.js';

/**
 * The environment heartbeat sets before running resource scripts (heartbeat.c at start-up, plus
 * what shellfuncs and ocf-directories define), so resource.d scripts written for heartbeat find
 * what they expect.
 */
export function resourceScriptEnv(haCf: HaCf, nodeName: string, haDir: string): Record<string, string> {
  return {
    HA_DIR: haDir,
    HA_FUNCS: `${haDir}/shellfuncs`,
    HA_RESOURCEDIR: `${haDir}/resource.d`,
    HA_RCDIR: `${haDir}/rc.d`,
    HA_CONFDIR: `${haDir}/conf`,
    HA_CURHOST: nodeName,
    HA_DATEFMT: '%Y/%m/%d_%T ',
    HA_LOGD: haCf.useLogd ? 'yes' : 'no',
    OCF_ROOT: '/usr/lib/ocf',
    ...(haCf.logfile === undefined ? {} : { HA_LOGFILE: haCf.logfile }),
    ...(haCf.debugfile === undefined ? {} : { HA_DEBUGLOG: haCf.debugfile }),
    ...(haCf.logfacility === undefined ? {} : { HA_LOGFACILITY: haCf.logfacility }),
    ...(haCf.debug > 0 ? { HA_debug: String(haCf.debug) } : {}),
    ...(haCf.autoFailback === 'legacy' ? {} : { HA_NICEFAILBACK: 'yes' }),
    ...haCf.env,
  };
}
