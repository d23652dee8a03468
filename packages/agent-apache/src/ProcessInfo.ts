/** A process as /proc shows it. */
export interface ProcessInfo {
  /** /proc/PID/exe, without the ` (deleted)` of an upgraded binary. */
  readonly exe: string;
  /** Its process group. */
  readonly pgid: number;
  /** The state letter of /proc/PID/stat (`S`, `R`, `Z`…). */
  readonly state: string;
}
