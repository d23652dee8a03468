/**
 * glibc's `srand`/`rand` (the TYPE_3 additive feedback generator, random_r.c), bit for bit.
 * heartbeat derives `uuidfrom nodename` uuids from it, so every node computes the same uuid for
 * a name that heartbeat would.
 */
export class GlibcRandom {
  private readonly state = new Int32Array(31);
  private front = 3;
  private rear = 0;

  constructor(seed: number) {
    let s = seed >>> 0;
    if (s === 0) s = 1;
    this.state[0] = s | 0;
    let word = s | 0; // glibc keeps it in an int32_t: seeds above 2^31 start negative
    for (let i = 1; i < 31; i++) {
      const hi = Math.trunc(word / 127773);
      const lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      this.state[i] = word;
    }
    for (let i = 0; i < 310; i++) this.next();
  }

  /** The next `rand()`: 0 .. 2^31-1. */
  next(): number {
    const { state } = this;
    const sum = ((state[this.front] ?? 0) + (state[this.rear] ?? 0)) | 0;
    state[this.front] = sum;
    const result = (sum >>> 0) >>> 1;
    if (++this.front >= 31) {
      this.front = 0;
      this.rear++;
    } else if (++this.rear >= 31) {
      this.rear = 0;
    }
    return result;
  }
}
