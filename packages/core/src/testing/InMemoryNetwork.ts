import type { Clock } from '../time/Clock.js';
import type { WireFormat } from '../transport/Transport.js';
import { InMemoryTransport } from './InMemoryTransport.js';

export interface InMemoryNetworkOptions {
  /** Delivery delay of every frame, ms (default 1). */
  readonly latencyMs?: number;
  /** Uniform in [0, 1), for loss; seed it to replay a run (default Math.random). */
  readonly random?: () => number;
}

/**
 * A network in memory: named segments (one per link name, like a LAN or a serial cable) joining
 * endpoints of nodes. Frames reach every other endpoint on the segment after `latencyMs`, and the
 * sender's own endpoint too when it was attached with `loopback` (a broadcast medium hears itself).
 * Faults: `setLoss` (random, per direction), `cut` (one-way or both), `isolate` (a node's cable out),
 * `dropWhen` (chosen frames, e.g. one message type, to replay an order of arrival seen on a real line),
 * and for the simulator `setDelay` (a random delay per delivery: frames overtake each other) and
 * `setDuplication` (a second, later copy). Driven by a Clock and a seeded `random`, so a ManualClock
 * makes every run exactly replayable.
 */
export class InMemoryNetwork {
  private readonly endpoints = new Set<InMemoryTransport>();
  private readonly cuts = new Set<string>();
  private readonly isolated = new Set<string>();
  private lossProbability = 0;
  private duplicateProbability = 0;
  private delayMinMs: number;
  private delayMaxMs: number;
  private readonly droppers = new Set<(from: string, to: string, frame: Uint8Array) => boolean>();
  private readonly latencyMs: number;
  private readonly random: () => number;
  /** Frames handed to the network and frames it delivered, for tests and the simulator. */
  readonly stats = { sent: 0, delivered: 0, dropped: 0, duplicated: 0 };

  constructor(
    private readonly clock: Clock,
    options: InMemoryNetworkOptions = {},
  ) {
    this.latencyMs = options.latencyMs ?? 1;
    this.random = options.random ?? Math.random;
    this.delayMinMs = this.latencyMs;
    this.delayMaxMs = this.latencyMs;
  }

  /** An endpoint for `node` on segment `segment` (the link name), carrying `wireFormat` frames. */
  attach(node: string, segment: string, options: { wireFormat?: WireFormat; loopback?: boolean; id?: string } = {}): InMemoryTransport {
    const transport = new InMemoryTransport(this, {
      node,
      segment,
      wireFormat: options.wireFormat ?? 'netstring',
      loopback: options.loopback ?? true,
      id: options.id ?? `memory ${segment}`,
    });
    return transport;
  }

  /** Drop each frame with this probability (0 .. 1). */
  setLoss(probability: number): void {
    this.lossProbability = probability;
  }

  /**
   * Each frame to another node takes a delay drawn uniformly from [minMs, maxMs] (whole ms), so
   * frames sent close together arrive out of order; without arguments, back to `latencyMs`.
   * A node hearing itself (loopback) always takes `latencyMs`.
   */
  setDelay(minMs = this.latencyMs, maxMs = minMs): void {
    if (!(minMs >= 0 && maxMs >= minMs)) throw new RangeError(`delay ${minMs}..${maxMs} ms: need 0 <= min <= max`);
    this.delayMinMs = minMs;
    this.delayMaxMs = maxMs;
  }

  /** Deliver each frame that passes a second time, after its own delay, with this probability (0 .. 1). */
  setDuplication(probability: number): void {
    this.duplicateProbability = probability;
  }

  /** Stop frames from `from` reaching `to` (and back, unless `oneWay`). */
  cut(from: string, to: string, oneWay = false): void {
    this.cuts.add(`${from}\0${to}`);
    if (!oneWay) this.cuts.add(`${to}\0${from}`);
  }

  heal(from: string, to: string): void {
    this.cuts.delete(`${from}\0${to}`);
    this.cuts.delete(`${to}\0${from}`);
  }

  /** Drops every frame for which `drop` says so, until the returned function is called. */
  dropWhen(drop: (from: string, to: string, frame: Uint8Array) => boolean): () => void {
    this.droppers.add(drop);
    return () => this.droppers.delete(drop);
  }

  /** Unplug a node from every segment (its own loopback keeps working), or plug it back. */
  isolate(node: string, isolated = true): void {
    if (isolated) this.isolated.add(node);
    else this.isolated.delete(node);
  }

  /** @internal endpoints register when opened. */
  join(endpoint: InMemoryTransport): void {
    this.endpoints.add(endpoint);
  }

  /** @internal and leave when closed. */
  leave(endpoint: InMemoryTransport): void {
    this.endpoints.delete(endpoint);
  }

  /** @internal a frame leaves `from`. */
  carry(from: InMemoryTransport, frame: Uint8Array): void {
    this.stats.sent++;
    const copy = Uint8Array.from(frame);
    for (const to of this.endpoints) {
      if (to.segment !== from.segment) continue;
      if (to === from) {
        if (!from.loopback) continue;
      } else if (to.node === from.node || !this.passes(from.node, to.node, copy)) {
        continue;
      }
      if (to === from) {
        this.deliverLater(to, copy, from.node, this.latencyMs);
        continue;
      }
      this.deliverLater(to, copy, from.node, this.delayMs());
      if (this.duplicateProbability > 0 && this.random() < this.duplicateProbability) {
        this.stats.duplicated++;
        this.deliverLater(to, copy, from.node, this.delayMs());
      }
    }
  }

  private deliverLater(to: InMemoryTransport, frame: Uint8Array, from: string, delayMs: number): void {
    this.clock.setTimeout(() => {
      if (!this.endpoints.has(to)) return;
      this.stats.delivered++;
      to.deliver(frame, from);
    }, delayMs);
  }

  /** Draws randomness only when a spread is set, so seeded runs without one replay as before. */
  private delayMs(): number {
    if (this.delayMaxMs === this.delayMinMs) return this.delayMinMs;
    return this.delayMinMs + Math.floor(this.random() * (this.delayMaxMs - this.delayMinMs + 1));
  }

  private passes(from: string, to: string, frame: Uint8Array): boolean {
    const chosen = [...this.droppers].some((drop) => drop(from, to, frame));
    if (chosen || this.isolated.has(from) || this.isolated.has(to) || this.cuts.has(`${from}\0${to}`)) {
      this.stats.dropped++;
      return false;
    }
    if (this.lossProbability > 0 && this.random() < this.lossProbability) {
      this.stats.dropped++;
      return false;
    }
    return true;
  }
}
