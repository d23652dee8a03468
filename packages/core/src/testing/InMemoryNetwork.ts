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
 * `dropWhen` (chosen frames, e.g. one message type, to replay an order of arrival seen on a real line).
 * Driven by a Clock, so a ManualClock makes every run exactly replayable.
 */
export class InMemoryNetwork {
  private readonly endpoints = new Set<InMemoryTransport>();
  private readonly cuts = new Set<string>();
  private readonly isolated = new Set<string>();
  private lossProbability = 0;
  private readonly droppers = new Set<(from: string, to: string, frame: Uint8Array) => boolean>();
  private readonly latencyMs: number;
  private readonly random: () => number;
  /** Frames handed to the network and frames it delivered, for tests and the simulator. */
  readonly stats = { sent: 0, delivered: 0, dropped: 0 };

  constructor(
    private readonly clock: Clock,
    options: InMemoryNetworkOptions = {},
  ) {
    this.latencyMs = options.latencyMs ?? 1;
    this.random = options.random ?? Math.random;
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
      this.clock.setTimeout(() => {
        if (!this.endpoints.has(to)) return;
        this.stats.delivered++;
        to.deliver(copy, from.node);
      }, this.latencyMs);
    }
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
