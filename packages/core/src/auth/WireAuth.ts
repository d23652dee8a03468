import { HaError } from '../errors/HaError.js';
import type { AuthKeys } from '../config/AuthKeys.js';
import type { HaMessage } from '../wire/HaMessage.js';
import { decodeMessage } from '../wire/decodeMessage.js';
import { scratchWriter } from '../wire/scratchWriter.js';
import { writeClassic } from '../wire/writeClassic.js';
import { writeNetstring } from '../wire/writeNetstring.js';
import type { Authenticator } from './Authenticator.js';
import type { OpenResult } from './OpenResult.js';
import { createAuthenticator } from './createAuthenticator.js';

export interface SealUdpOptions {
  /** Also put the inner `auth` field in the message, as heartbeat does with `msgfmt classic` (the default). */
  readonly innerAuth: boolean;
}

const innerAuthPattern = /^(\d{1,9}) ([\x21-\x7e]+)$/;

/**
 * Signs what we send with the active authkeys slot and checks what we receive against every
 * configured slot, by the rule of the packet's format (spec §3.3): a netstring packet by its
 * trailer over `###\n`…`%%%\n`, a classic packet by its inner `auth` field over the re-serialised
 * classic text. Each slot is checked with its own method and key (heartbeat 3.0.6 uses the active
 * slot's key for the trailer, which differs only when slots have different keys).
 */
export class WireAuth {
  readonly activeSlot: number;
  private readonly signer: Authenticator;
  private readonly checkers = new Map<number, Authenticator>();

  constructor(keys: AuthKeys) {
    for (const [slot, spec] of keys.slots) this.checkers.set(slot, createAuthenticator(spec.method, spec.key));
    const signer = this.checkers.get(keys.activeSlot);
    if (signer === undefined) {
      throw new HaError('AUTH_NO_ACTIVE_SLOT', `authkeys says "auth ${keys.activeSlot}" but defines no key ${keys.activeSlot}`);
    }
    this.activeSlot = keys.activeSlot;
    this.signer = signer;
  }

  /** A UDP datagram: netstring + `<len>:<slot> <token>,` trailer. The caller's message is not changed. */
  sealUdp(msg: HaMessage, options: SealUdpOptions): Uint8Array {
    const toSend = options.innerAuth ? this.withInnerAuth(msg) : msg;
    const w = scratchWriter;
    w.reset();
    writeNetstring(w, toSend, 0);
    const trailer = `${this.activeSlot} ${this.signer.sign(w.view(0))}`;
    w.decimal(trailer.length);
    w.byte(0x3a);
    w.ascii(trailer);
    w.byte(0x2c);
    return w.copyFrom(0);
  }

  /** Classic text with the inner `auth` field, as written on serial links. The caller's message is not changed. */
  sealClassic(msg: HaMessage): Uint8Array {
    const toSend = this.withInnerAuth(msg);
    const w = scratchWriter;
    w.reset();
    writeClassic(w, toSend, 0, { head: true, skipAuth: false });
    return w.copyFrom(0);
  }

  /** Decodes a packet and checks its authentication. Never throws. */
  open(bytes: Uint8Array): OpenResult {
    const decoded = decodeMessage(bytes);
    if (!decoded.ok) return decoded;
    const { message, format } = decoded;
    if (format === 'netstring') {
      const trailer = decoded.trailer;
      if (trailer === undefined || decoded.signedBytes === undefined) {
        return { ok: false, reason: 'auth-missing', detail: 'netstring packet without an auth trailer' };
      }
      const checker = this.checkers.get(trailer.slot);
      if (checker === undefined) return { ok: false, reason: 'unknown-slot', detail: `auth trailer uses key slot ${trailer.slot}, not in authkeys` };
      if (!checker.verify(decoded.signedBytes, trailer.token)) {
        return { ok: false, reason: 'auth-failed', detail: `auth trailer does not match (${checker.method}, slot ${trailer.slot})` };
      }
      return { ok: true, message, format, slot: trailer.slot };
    }
    const field = message.get('auth');
    const match = field === undefined ? null : innerAuthPattern.exec(field);
    if (match === null) return { ok: false, reason: 'auth-missing', detail: 'classic packet without a valid auth field' };
    const slot = Number(match[1]);
    const checker = this.checkers.get(slot);
    if (checker === undefined) return { ok: false, reason: 'unknown-slot', detail: `auth field uses key slot ${slot}, not in authkeys` };
    const w = scratchWriter;
    w.reset();
    try {
      writeClassic(w, message, 0, { head: false, skipAuth: true });
    } catch {
      return { ok: false, reason: 'auth-failed', detail: 'message cannot be re-serialised as classic text to check its auth' };
    }
    if (!checker.verify(w.view(0), match[2] as string)) {
      return { ok: false, reason: 'auth-failed', detail: `auth field does not match (${checker.method}, slot ${slot})` };
    }
    return { ok: true, message, format, slot };
  }

  private withInnerAuth(msg: HaMessage): HaMessage {
    const w = scratchWriter;
    w.reset();
    writeClassic(w, msg, 0, { head: false, skipAuth: true });
    const token = this.signer.sign(w.view(0));
    return msg.clone().setString('auth', `${this.activeSlot} ${token}`);
  }
}
