import type { ApacheEnvironment } from './ApacheEnvironment.js';
import { apacheDefaults } from './apacheDefaults.js';
import type { ApacheSpec } from './ApacheSpec.js';

/** `httpd=`, else the first of the type's binaries that is installed, else the first (to name it). */
export function resolveBinary(spec: ApacheSpec, env: Pick<ApacheEnvironment, 'isExecutable'>): string {
  const candidates = apacheDefaults[spec.type].binaries;
  return spec.httpd ?? candidates.find((b) => env.isExecutable(b)) ?? candidates[0] ?? '/usr/sbin/httpd';
}
