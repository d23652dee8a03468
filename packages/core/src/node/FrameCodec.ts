import type { WireAuth } from '../auth/WireAuth.js';
import type { OpenResult } from '../auth/OpenResult.js';
import type { WireFormat } from '../transport/Transport.js';
import type { HaMessage } from '../wire/HaMessage.js';

/**
 * Seals each outgoing message once per wire format (UDP: netstring + trailer, with the inner auth
 * field under `msgfmt classic`; serial: classic text) and remembers the bytes per message, so a
 * retransmission re-sends exactly the same frame without signing it again.
 */
export class FrameCodec {
  private sealed = new WeakMap<HaMessage, Partial<Record<WireFormat, Uint8Array>>>();

  constructor(
    private auth: WireAuth,
    private readonly msgfmt: 'classic' | 'netstring',
  ) {}

  /**
   * New authkeys (a reload): the new active slot signs from now on, retransmissions included
   * (frames sealed with the old key are forgotten); every slot of the new file verifies.
   */
  rekey(auth: WireAuth): void {
    this.auth = auth;
    this.sealed = new WeakMap();
  }

  encode(msg: HaMessage, format: WireFormat): Uint8Array {
    let frames = this.sealed.get(msg);
    if (frames === undefined) {
      frames = {};
      this.sealed.set(msg, frames);
    }
    const cached = frames[format];
    if (cached !== undefined) return cached;
    const frame =
      format === 'classic' ? this.auth.sealClassic(msg) : this.auth.sealUdp(msg, { innerAuth: this.msgfmt === 'classic' });
    frames[format] = frame;
    return frame;
  }

  open(frame: Uint8Array): OpenResult {
    return this.auth.open(frame);
  }
}
