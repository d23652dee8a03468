import { ApacheServerAgent } from './ApacheServerAgent.js';

/**
 * The bare `httpd` (Red Hat's package): /usr/sbin/httpd with /etc/httpd/conf/httpd.conf, unless an
 * admin's `<haDir>/resource.d/httpd` exists, which then runs as heartbeat would run it.
 */
export class HttpdAgent extends ApacheServerAgent {
  readonly type = 'httpd' as const;
}
