/**
 * Heartbeat's time syntax (cluster-glue `cl_get_msec`): a number of seconds (digits, optionally a
 * `.`), or the number followed by `ms`/`msec` (milliseconds) or `us`/`usec` (microseconds), any
 * case, rounded to the nearest millisecond. There is no `s` suffix here: heartbeat rejects `2s`
 * (the ha.cf setters accept it with a warning, so a shared ha.cf never silently breaks the real daemon).
 *
 * Returns milliseconds, or undefined when heartbeat would reject the text.
 */
export function parseHeartbeatTime(text: string): number | undefined {
  const match = /^(\d+\.?\d*|\.\d+)(ms|msec|us|usec)?$/i.exec(text);
  if (match === null) return undefined;
  const value = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  const ms = unit === undefined ? value * 1000 : unit.startsWith('m') ? value : value / 1000;
  // cl_get_msec adds 0.5 and truncates.
  return Math.floor(ms + 0.5);
}
