import { ApacheServerAgent } from './ApacheServerAgent.js';

/**
 * The bare `apache2` of the seed's haresources (Debian's package): /usr/sbin/apache2 with
 * /etc/apache2/apache2.conf and /etc/apache2/envvars, unless an admin's
 * `<haDir>/resource.d/apache2` exists, which then runs as heartbeat would run it.
 */
export class Apache2Agent extends ApacheServerAgent {
  readonly type = 'apache2' as const;
}
