/**
 * heartbeat's ResourceManager `we_own_resource` on a status command's stdout (its exit code is
 * ignored): `not … running` is stopped, `running` or `OK` running, anything else stopped. The same
 * rule as agent-lsb's (plugins do not depend on each other).
 */
export function scriptStatus(stdout: string): 'running' | 'stopped' {
  if (/[Nn][Oo][Tt] [\s\S]*[Rr]unning/.test(stdout)) return 'stopped';
  if (/[Rr]unning|OK/.test(stdout)) return 'running';
  return 'stopped';
}
