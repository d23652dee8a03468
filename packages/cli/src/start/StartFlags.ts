/** `ha start`'s flags, read by oclif (the Start command) or by the lean path of bin/ha.js. */
export interface StartFlags {
  readonly configDir: string;
  /** `--node-name`; otherwise nodeinfo, then uname -n. */
  readonly nodeName: string | undefined;
  readonly stateDir: string;
  readonly runDir: string;
  readonly initDir: string;
}
