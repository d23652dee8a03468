import { HaError } from '../errors/HaError.js';
import type { Authenticator } from './Authenticator.js';
import { CrcAuthenticator } from './CrcAuthenticator.js';
import { HmacAuthenticator } from './HmacAuthenticator.js';

/**
 * The authenticator for one authkeys method (`crc`, `md5`, `sha1`). md5 and sha1 need a key; crc
 * ignores one. Throws `AUTH_UNKNOWN_METHOD` or `AUTH_KEY_REQUIRED`.
 */
export function createAuthenticator(method: string, key: string | undefined): Authenticator {
  switch (method) {
    case 'crc':
      return new CrcAuthenticator();
    case 'md5':
    case 'sha1':
      if (key === undefined || key.length === 0) {
        throw new HaError('AUTH_KEY_REQUIRED', `auth method ${method} needs a key`);
      }
      return new HmacAuthenticator(method, key);
    default:
      throw new HaError('AUTH_UNKNOWN_METHOD', `unknown auth method ${JSON.stringify(method)}`, {
        hint: 'Use crc, md5 or sha1 in authkeys (sha1 is recommended).',
      });
  }
}
