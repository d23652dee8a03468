import type { ControlAccessPlan } from './ControlAccessPlan.js';

/** The start log's account of who may use the control sockets: one line, and a warning when only the owner may ask. */
export function describeControlAccess(plan: ControlAccessPlan, readPath: string, changePath: string): { info: string; warning: string | undefined } {
  const owner = plan.ownerUid === 0 ? 'root' : `uid ${plan.ownerUid}`;
  const mode = (m: number) => `mode 0${m.toString(8)}`;
  const group = plan.groupName;
  const askers = plan.groupMayRead ? `${owner} and group ${group}` : `${owner} only`;
  const info =
    `Control socket ${readPath}: questions (ha status) from ${askers} (${mode(plan.readSocketMode)}); ` +
    `${changePath}: changes (ha standby, ha takeover) from ${owner} only (${mode(plan.changeSocketMode)})`;
  switch (plan.ownerOnlyBecause) {
    case undefined:
      return { info, warning: undefined };
    case 'no-such-group':
      return {
        info,
        warning: `Group ${group} does not exist: ha status is served to ${owner} only. Create the group (groupadd --system ${group}) and restart Heartline to let its members ask.`,
      };
    case 'not-in-group':
      return {
        info,
        warning: `The daemon runs as ${owner}, neither root nor in group ${group}: ha status is served to ${owner} only. Run the daemon as root to let group ${group} ask.`,
      };
  }
}
