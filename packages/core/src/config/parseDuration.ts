const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * A duration of heartline.cf: a number with a unit (`500ms`, `10s`, `2min`, `1h`); a bare number
 * is seconds, as in ha.cf. Returns milliseconds, or undefined when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|sec|m|min|h)?$/i.exec(text);
  if (match === null) return undefined;
  const unit = match[2]?.toLowerCase() ?? 's';
  return Math.round(Number(match[1]) * (UNIT_MS[unit] ?? 1000));
}
