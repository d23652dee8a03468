import type { Authenticator } from './Authenticator.js';
import { crc32Posix } from './crc32Posix.js';
import { tokensEqual } from './tokensEqual.js';

/** authkeys method `crc`: no key, only catches corruption. Token `%lx`, no zero padding. */
export class CrcAuthenticator implements Authenticator {
  readonly method = 'crc';

  sign(bytes: Uint8Array): string {
    return crc32Posix(bytes).toString(16);
  }

  verify(bytes: Uint8Array, token: string): boolean {
    return tokensEqual(this.sign(bytes), token);
  }
}
