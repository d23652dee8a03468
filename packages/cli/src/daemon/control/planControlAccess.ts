import type { ControlAccessPlan } from './ControlAccessPlan.js';

/** Who the daemon is, and what it found of the read group. */
export interface ControlAccessFacts {
  readonly uid: number;
  readonly gid: number;
  /** The daemon's supplementary groups. */
  readonly groups: readonly number[];
  /** The read group's name (haclient) and its gid; undefined when no such group exists. */
  readonly groupName: string;
  readonly groupId: number | undefined;
}

/**
 * Sockets and run directory for the facts: with the read group, control.sock is owner:group 0660
 * inside an owner:group 0750 directory; without it, both are the owner's alone (0600, 0700).
 * admin.sock is always the owner's alone (0600): only root may change the cluster.
 */
export function planControlAccess(facts: ControlAccessFacts): ControlAccessPlan {
  const { uid, gid, groups, groupName, groupId } = facts;
  // Only root may give a file to a group it is not in (chown(2)).
  const mayGive = groupId !== undefined && (uid === 0 || gid === groupId || groups.includes(groupId));
  const shared = groupId !== undefined && mayGive;
  return {
    ownerUid: uid,
    groupName,
    groupMayRead: shared,
    ownerOnlyBecause: groupId === undefined ? 'no-such-group' : mayGive ? undefined : 'not-in-group',
    gid: shared ? groupId : gid,
    changeGid: gid,
    runDirMode: shared ? 0o750 : 0o700,
    readSocketMode: shared ? 0o660 : 0o600,
    changeSocketMode: 0o600,
  };
}
