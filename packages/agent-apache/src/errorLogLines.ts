const SERIOUS = /\[[a-z_]*:(emerg|alert|crit|error)\]/;

/**
 * The serious lines (emerg, alert, crit, error) apache appended to its error log after `offset`,
 * the last five, without their date: why a server that forked and then died did so.
 */
export function errorLogLines(appended: string): string[] {
  return appended
    .split('\n')
    .filter((l) => SERIOUS.test(l))
    .slice(-5)
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, '').trim());
}
