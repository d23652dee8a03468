import { HaMessage } from '../wire/HaMessage.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { MembershipRuntime } from './MembershipRuntime.js';

/**
 * Our own status and the status messages that announce it (send_local_status, set_local_status,
 * hb_add_deadtime, hb_pop_deadtime): `st`, our current deadtime as `dt` (boosted by 2 s for the
 * first 5 s), and `protocol=1` while flow control is on.
 */
export class LocalStatus {
  private boosts = 0;
  private boostMs = 0;

  constructor(private readonly rt: MembershipRuntime) {}

  send(): void {
    const local = this.rt.local();
    const fields: Array<[string, string]> = [
      ['t', 'status'],
      ['st', local.status],
      ['dt', Math.floor(local.deadMs).toString(16)],
    ];
    if (this.rt.flags.flowControl) fields.push(['protocol', String(K.protocolVersion)]);
    this.rt.send(HaMessage.fromStrings(fields));
  }

  set(status: string): void {
    const local = this.rt.local();
    if (status !== local.status && status.length > 1 && status.length < K.statusLength) {
      local.status = status;
      this.send();
      this.rt.logger.info(`Local status now set to: '${status}'`);
      this.rt.emit({ kind: 'local-status', status });
      return;
    }
    this.rt.logger.info(`Unable to set local status to: ${status}`);
  }

  /** Announce a longer deadtime; the status goes out at once if it grows. */
  addDeadtime(incrementMs: number): void {
    const local = this.rt.local();
    this.boostMs = Math.max(this.boostMs, incrementMs);
    const boosted = this.rt.timings.deadtimeMs + incrementMs;
    if (local.deadMs < boosted) {
      local.deadMs = boosted;
      this.send();
    }
    this.boosts++;
  }

  popDeadtime(): void {
    this.boosts--;
    if (this.boosts <= 0) {
      this.rt.local().deadMs = this.rt.timings.deadtimeMs;
      this.send();
      this.boosts = 0;
      this.boostMs = 0;
    }
  }

  /** The configured deadtime changed (a reload): announce it now, still boosted while a boost runs. */
  retimed(): void {
    this.rt.local().deadMs = this.rt.timings.deadtimeMs + (this.boosts > 0 ? this.boostMs : 0);
    this.send();
  }
}
