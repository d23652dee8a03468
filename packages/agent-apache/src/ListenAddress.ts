/** One `Listen` directive of an apache config: `Listen [address:]port [protocol]`. */
export interface ListenAddress {
  /** The address, IPv6 without brackets; undefined: every address (`Listen 80`, `*:80`, `0.0.0.0:80`, `[::]:80`). */
  readonly host: string | undefined;
  readonly port: number;
  /** The protocol argument (`https`), lowercased, if given. */
  readonly protocol: string | undefined;
  /** Where it is written. */
  readonly file: string;
  readonly line: number;
}
