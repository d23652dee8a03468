import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { HaError } from '@heartline/core';
import type { ControlAccessPlan } from './ControlAccessPlan.js';

/** What ha start keeps in its run directory: the pid file (and its temporaries), the sockets, their staging directory. */
const heartlineEntry = /^(heartline\.pid(\.\d+\.(new|stale))?|control\.sock|admin\.sock|\.control\.\d+)$/;

/**
 * Gives the run directory the plan's owner, group and mode (root:haclient 0750) when it is
 * Heartline's own: owned by the daemon, not a sticky shared directory such as /tmp, and holding
 * nothing but Heartline's files, so that a --run-dir pointing at /run itself is never narrowed.
 * Otherwise it is left as it is and the returned warning says why; the sockets' own modes still
 * decide who may connect.
 */
export function secureRunDir(runDir: string, plan: ControlAccessPlan): string | undefined {
  let foreign: string[];
  let stat;
  try {
    stat = statSync(runDir);
    foreign = readdirSync(runDir).filter((name) => !heartlineEntry.test(name));
  } catch (error) {
    throw new HaError('DAEMON_CONTROL_SOCKET', `cannot read the run directory ${runDir}: ${(error as Error).message}`, { cause: error });
  }
  const why =
    stat.uid !== plan.ownerUid
      ? `it belongs to uid ${stat.uid}`
      : (stat.mode & 0o1000) !== 0
        ? 'it is a shared directory (sticky bit)'
        : foreign.length > 0
          ? `it holds files that are not Heartline's (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', …' : ''})`
          : undefined;
  if (why === undefined) {
    try {
      chownSync(runDir, plan.ownerUid, plan.gid);
      chmodSync(runDir, plan.runDirMode);
    } catch (error) {
      throw new HaError('DAEMON_CONTROL_SOCKET', `cannot set the owner and mode of ${runDir}: ${(error as Error).message}`, { cause: error });
    }
    return undefined;
  }
  const writable = (stat.mode & 0o022) !== 0 && (stat.mode & 0o1000) === 0 ? '; it is writable by others, who could replace the sockets' : '';
  return `Run directory ${runDir} keeps its mode 0${(stat.mode & 0o7777).toString(8)} because ${why}${writable}: give Heartline a directory of its own (--run-dir, default /run/heartline)`;
}
