import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { Authenticator } from './Authenticator.js';
import { tokensEqual } from './tokensEqual.js';

/**
 * authkeys methods `md5` and `sha1`: RFC 2104 HMAC keyed with the key's bytes as written, token
 * in lowercase hex.
 */
export class HmacAuthenticator implements Authenticator {
  readonly method: 'md5' | 'sha1';
  private readonly key: KeyObject;

  constructor(method: 'md5' | 'sha1', key: string) {
    this.method = method;
    this.key = createSecretKey(Buffer.from(key, 'utf8'));
  }

  sign(bytes: Uint8Array): string {
    return createHmac(this.method, this.key).update(bytes).digest('hex');
  }

  verify(bytes: Uint8Array, token: string): boolean {
    return tokensEqual(this.sign(bytes), token);
  }
}
