/** One group operation the activator ran, as metrics see it. */
export interface GroupOperationSample {
  /** The group's key: its first resource as written in haresources. */
  readonly group: string;
  /**
   * `take`: started here (takegroup); `give`: stopped here (givegroup); `restart`: monitoring's
   * restart in place of a failed resource and those right of it.
   */
  readonly operation: 'take' | 'give' | 'restart';
  readonly ok: boolean;
  readonly durationMs: number;
}
