import { timingSafeEqual } from 'node:crypto';

/** Compares two ASCII tokens in time independent of where they differ. */
export function tokensEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'latin1');
  const b = Buffer.from(given, 'latin1');
  // Lengths are public (they follow from the method), so an early exit on length leaks nothing.
  return a.length === b.length && timingSafeEqual(a, b);
}
