import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheType } from './ApacheSpec.js';

/**
 * The escape hatch of the bare `apache2` and `httpd`: an executable `<haDir>/resource.d/apache2`
 * (or `httpd`), the first place heartbeat looks for a resource script, runs instead of this agent.
 * `ln -s /etc/init.d/apache2 /etc/ha.d/resource.d/apache2` keeps the distribution's init script
 * (heartbeat runs the same script either way). `apache` has no such hatch: heartbeat ships its own
 * resource.d/apache, which says nothing about what the admin wants.
 */
export function adminScript(type: ApacheType, haDir: string, env: Pick<ApacheEnvironment, 'isExecutable'>): string | undefined {
  if (type === 'apache') return undefined;
  const path = `${haDir}/resource.d/${type}`;
  return env.isExecutable(path) ? path : undefined;
}
