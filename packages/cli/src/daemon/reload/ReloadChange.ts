/** One directive (or file) a reload found changed, and what became of it. */
export interface ReloadChange {
  /** The ha.cf directive (`keepalive`, `node`, `bcast`), or `authkeys`, `haresources`, `monitor`, `timeouts`, `metrics`, `plugins`. */
  readonly directive: string;
  /** applied: in force now; refused: needs a restart; noted: taken, but nothing runs on it now. */
  readonly outcome: 'applied' | 'refused' | 'noted';
  /** What changed (applied), or why it is refused or noted. */
  readonly detail: string;
  /** Its line in the new file (the old one when it was removed); undefined for a whole file. */
  readonly where: { readonly file: string; readonly line: number } | undefined;
}
