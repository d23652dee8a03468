/**
 * ResourceManager's `we_own_resource`: only the status command's stdout counts, never its exit
 * code. `*[Nn][Oo][Tt]\ *[Rr]unning*` (a blank after "not", then anything) is not running;
 * otherwise `*[Rr]unning*` or `*OK*` is running; anything else is not running.
 */
export function scriptStatus(stdout: string): 'running' | 'stopped' {
  if (/[Nn][Oo][Tt] [\s\S]*[Rr]unning/.test(stdout)) return 'stopped';
  if (/[Rr]unning|OK/.test(stdout)) return 'running';
  return 'stopped';
}
