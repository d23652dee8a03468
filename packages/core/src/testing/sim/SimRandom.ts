/**
 * The simulator's only source of chance: a small seeded generator (a 32-bit counter passed through
 * an integer mixing function), so one seed replays one run exactly. `fork` gives an independent
 * stream per purpose (the schedule, the network, each node), so removing a step while shrinking
 * does not reshuffle every other draw.
 */
export class SimRandom {
  private state: number;

  constructor(seed: number) {
    this.state = mix(seed >>> 0) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    return mix(this.state) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One of `items`, each as likely as its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** A stream of its own for `label`, fixed by the seed this one started from and the label. */
  static fork(seed: number, label: string): SimRandom {
    let h = seed >>> 0;
    for (let i = 0; i < label.length; i++) h = mix((h ^ label.charCodeAt(i)) >>> 0);
    return new SimRandom(h);
  }
}

/** A 32-bit avalanche: every input bit flips about half the output bits. */
function mix(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
