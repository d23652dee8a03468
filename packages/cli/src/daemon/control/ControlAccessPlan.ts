/** Who may open what in the run directory: owners, groups and modes the daemon gives its sockets. */
export interface ControlAccessPlan {
  /** The daemon's uid (root in production): owner of the run directory and both sockets. */
  readonly ownerUid: number;
  /** The group meant to ask questions on control.sock (haclient). */
  readonly groupName: string;
  /** Whether its members may: false when the group does not exist or the daemon cannot give files to it. */
  readonly groupMayRead: boolean;
  /** Why the group may not: it does not exist, or the daemon is neither root nor in it; undefined when it may. */
  readonly ownerOnlyBecause: 'no-such-group' | 'not-in-group' | undefined;
  /** Group of the run directory and control.sock: the read group's, else the daemon's own. */
  readonly gid: number;
  /** Group of admin.sock: the daemon's own (root's), whatever the read group. */
  readonly changeGid: number;
  readonly runDirMode: number;
  readonly readSocketMode: number;
  readonly changeSocketMode: number;
}
