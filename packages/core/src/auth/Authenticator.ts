/**
 * One authkeys method (crc, md5, sha1, or a plugin's). `sign` returns heartbeat's ASCII token for
 * exactly these bytes; `verify` compares in constant time where the method allows.
 */
export interface Authenticator {
  readonly method: string;
  sign(bytes: Uint8Array): string;
  verify(bytes: Uint8Array, token: string): boolean;
}
