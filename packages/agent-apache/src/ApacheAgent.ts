import { ApacheServerAgent } from './ApacheServerAgent.js';

/**
 * heartbeat's `apache` (its resource.d/apache wrapper of the OCF apache agent): `apache`,
 * `apache::CONFIG`, `apache::CONFIG::name=value…`. Without a config or binary it takes the first
 * installed of Debian's, Red Hat's and SUSE's.
 */
export class ApacheAgent extends ApacheServerAgent {
  readonly type = 'apache' as const;
}
