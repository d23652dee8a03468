import type { InMemoryNetwork } from '../InMemoryNetwork.js';

/**
 * The network's faults as the schedule set them, and since when each pair of nodes has been
 * clean (no partition and no loss between them): the invariants apply only to clean pairs.
 */
export class SimNetworkFaults {
  private sides: readonly number[];
  private lossPct = 0;
  /** Simulated ms at which each pair was last disturbed, and since when a pair has been cut. */
  private readonly disturbedAtMs: Array<Array<number | undefined>>;
  private readonly cutSinceMs: Array<Array<number | undefined>>;

  constructor(
    private readonly network: InMemoryNetwork,
    private readonly names: readonly string[],
  ) {
    this.sides = names.map(() => 0);
    this.disturbedAtMs = names.map(() => names.map(() => undefined));
    this.cutSinceMs = names.map(() => names.map(() => undefined));
  }

  /** Splits the nodes: `sides[i]` is node i's side. */
  partition(sides: readonly number[], nowMs: number): void {
    this.mark(nowMs);
    for (let a = 0; a < this.names.length; a++) {
      for (let b = a + 1; b < this.names.length; b++) {
        const wasCut = this.sides[a] !== this.sides[b];
        const isCut = (sides[a] ?? 0) !== (sides[b] ?? 0);
        if (wasCut === isCut) continue;
        const [na, nb] = [this.names[a] ?? '', this.names[b] ?? ''];
        if (isCut) this.network.cut(na, nb);
        else this.network.heal(na, nb);
        this.setCutSince(a, b, isCut ? nowMs : undefined);
      }
    }
    this.sides = [...sides];
  }

  heal(nowMs: number): void {
    this.partition(this.names.map(() => 0), nowMs);
  }

  weather(lossPct: number, delayMs: readonly [number, number], dupPct: number, nowMs: number): void {
    this.mark(nowMs);
    this.lossPct = lossPct;
    this.network.setLoss(lossPct / 100);
    this.network.setDelay(delayMs[0], delayMs[1]);
    this.network.setDuplication(dupPct / 100);
  }

  /** Called before each check: a pair disturbed now is disturbed until this moment at least. */
  mark(nowMs: number): void {
    for (let a = 0; a < this.names.length; a++) {
      for (let b = a + 1; b < this.names.length; b++) {
        if (this.lossPct > 0 || this.sides[a] !== this.sides[b]) this.setDisturbed(a, b, nowMs);
      }
    }
  }

  /** How long nodes a and b have heard each other without loss (ms); 0 while disturbed. */
  cleanForMs(a: number, b: number, nowMs: number): number {
    if (this.lossPct > 0 || this.sides[a] !== this.sides[b]) return 0;
    return nowMs - (this.disturbedAtMs[a]?.[b] ?? 0);
  }

  /** Since when a and b have been on different sides, if they are. */
  cutSince(a: number, b: number): number | undefined {
    return this.cutSinceMs[a]?.[b];
  }

  /** The nodes on each side, for the timeline: `{node1,node3} | {node2}`. */
  describe(sides: readonly number[]): string {
    const groups = new Map<number, string[]>();
    sides.forEach((side, i) => groups.set(side, [...(groups.get(side) ?? []), this.names[i] ?? '?']));
    return [...groups.values()].map((g) => `{${g.join(',')}}`).join(' | ');
  }

  private setDisturbed(a: number, b: number, nowMs: number): void {
    const rowA = this.disturbedAtMs[a];
    const rowB = this.disturbedAtMs[b];
    if (rowA !== undefined) rowA[b] = nowMs;
    if (rowB !== undefined) rowB[a] = nowMs;
  }

  private setCutSince(a: number, b: number, value: number | undefined): void {
    const rowA = this.cutSinceMs[a];
    const rowB = this.cutSinceMs[b];
    if (rowA !== undefined) rowA[b] = value;
    if (rowB !== undefined) rowB[a] = value;
  }
}
