/**
 * A value as comparable text: maps as their entries, object keys sorted, and `where` (the line a
 * thing was read from) left out, so moving a line or adding a comment is not a change.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (key === 'where') return undefined;
    if (inner instanceof Map) return [...(inner as Map<unknown, unknown>).entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  }) ?? 'undefined';
}
