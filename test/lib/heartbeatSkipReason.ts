import { heartbeatBinary } from './heartbeatBinary.js';

/**
 * Undefined when heartbeat 3.0.6 is installed, else why a test that runs it is skipped; with
 * HEARTLINE_REQUIRE_E2E=1 (CI) its absence is an error, as for e2eSkipReason.
 */
export function heartbeatSkipReason(): string | undefined {
  if (heartbeatBinary() !== undefined) return undefined;
  if (process.env['HEARTLINE_REQUIRE_E2E'] === '1') throw new Error('HEARTLINE_REQUIRE_E2E=1 but heartbeat 3.0.6 is not installed');
  return 'needs heartbeat 3.0.6 (scripts/install-system-deps.sh)';
}
