/** One network interface. */
export interface LinkInfo {
  readonly index: number;
  readonly name: string;
  /** Administratively up (IFF_UP). */
  readonly up: boolean;
}
