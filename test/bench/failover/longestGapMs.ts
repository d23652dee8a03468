/** The longest time between two consecutive instants (sorted, ms), or undefined with fewer than two. */
export function longestGapMs(times: readonly number[]): number | undefined {
  let gap: number | undefined;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap ?? 0, times[i]! - times[i - 1]!);
  return gap;
}
