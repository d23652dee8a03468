import type { AddressSpec } from './AddressSpec.js';
import { formatIp } from './formatIp.js';
import type { GarpBurst } from './GarpBurst.js';

/** The ARP bursts an agent has running in the background, one per address, so stop can end them. */
export class BurstRegistry {
  private readonly bursts = new Map<string, GarpBurst>();
  private started = 0;

  /** Remembers the address's new burst, stopping an older one still running. */
  add(spec: AddressSpec, burst: GarpBurst): void {
    const key = formatIp(spec.bytes);
    this.bursts.get(key)?.stop();
    this.bursts.set(key, burst);
    void burst.finished.then(() => {
      if (this.bursts.get(key) === burst) this.bursts.delete(key);
    });
  }

  /** Stops the address's burst, if one runs. */
  stop(spec: AddressSpec): void {
    const key = formatIp(spec.bytes);
    this.bursts.get(key)?.stop();
    this.bursts.delete(key);
  }

  /**
   * A pid file send_arp may create and nobody else uses: send_arp SIGKILLs whatever pid an existing
   * file names, so heartbeat's shared `send_arp-IP` is never reused (and each is removed after).
   */
  pidFile(dir: string, spec: AddressSpec): string {
    this.started += 1;
    return `${dir}/send_arp-${formatIp(spec.bytes)}-heartline-${process.pid}-${this.started}`;
  }
}
