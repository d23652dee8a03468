import { createHmac, hash } from 'node:crypto';
import type { Authenticator } from './Authenticator.js';
import { tokensEqual } from './tokensEqual.js';

const blockBytes = 64; // MD5 and SHA-1 both hash 64-byte blocks (RFC 2104's B)
// Above this, sign with createHmac rather than grow the padded buffer for good.
const maxBufferedBytes = 16 * 1024;

/**
 * authkeys methods `md5` and `sha1`: RFC 2104 HMAC keyed with the key's bytes as written, token
 * in lowercase hex. Computed as H((K^opad) || H((K^ipad) || data)) with the one-shot
 * `crypto.hash`: for packet-sized data that is about twice as fast as `createHmac`, whose
 * per-call setup (an OpenSSL algorithm fetch) costs more than hashing 300 bytes.
 */
export class HmacAuthenticator implements Authenticator {
  readonly method: 'md5' | 'sha1';
  private readonly key: Buffer;
  private readonly ipad: Uint8Array;
  private inner: Uint8Array;
  private readonly outer: Uint8Array;

  constructor(method: 'md5' | 'sha1', key: string) {
    this.method = method;
    let keyBytes = Buffer.from(key, 'utf8');
    if (keyBytes.length > blockBytes) keyBytes = hash(method, keyBytes, 'buffer');
    this.key = keyBytes;
    this.ipad = new Uint8Array(blockBytes).fill(0x36);
    const opad = new Uint8Array(blockBytes).fill(0x5c);
    for (let i = 0; i < keyBytes.length; i++) {
      this.ipad[i] = (this.ipad[i] as number) ^ (keyBytes[i] as number);
      opad[i] = (opad[i] as number) ^ (keyBytes[i] as number);
    }
    this.inner = new Uint8Array(blockBytes + 1024);
    this.inner.set(this.ipad);
    this.outer = new Uint8Array(blockBytes + (method === 'sha1' ? 20 : 16));
    this.outer.set(opad);
  }

  sign(bytes: Uint8Array): string {
    const length = blockBytes + bytes.length;
    if (bytes.length > maxBufferedBytes) return createHmac(this.method, this.key).update(bytes).digest('hex');
    if (length > this.inner.length) {
      this.inner = new Uint8Array(Math.max(length, this.inner.length * 2));
      this.inner.set(this.ipad);
    }
    this.inner.set(bytes, blockBytes);
    // 'binary' (latin1) hands the digest back as a one-byte string: much cheaper than a Buffer from C++.
    const innerDigest = hash(this.method, this.inner.subarray(0, length), 'binary');
    const outer = this.outer;
    for (let i = 0; i < innerDigest.length; i++) outer[blockBytes + i] = innerDigest.charCodeAt(i);
    return hash(this.method, outer, 'hex');
  }

  verify(bytes: Uint8Array, token: string): boolean {
    return tokensEqual(this.sign(bytes), token);
  }
}
