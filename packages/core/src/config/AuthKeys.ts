/** One `N method [key]` line of authkeys. */
export interface AuthKeySlot {
  readonly slot: number;
  readonly method: string;
  /** Absent for crc. */
  readonly key: string | undefined;
}

/** authkeys: the slot that signs what we send (`auth N`) and every slot we accept. */
export interface AuthKeys {
  readonly activeSlot: number;
  readonly slots: ReadonlyMap<number, AuthKeySlot>;
}
