import { existsSync } from 'node:fs';
import { missingCommands } from './missingCommands.js';

/**
 * Decides whether a test that needs root, network namespaces, system binaries or files from outside
 * the repository (the heartbeat captures in ../shared/vectors) may run here.
 * Returns undefined when it may, or the reason to skip. With HEARTLINE_REQUIRE_E2E=1 (as CI sets)
 * a missing requirement is an error instead: a skipped end-to-end test must never look green there.
 */
export function e2eSkipReason(
  requirements: { root?: boolean; commands?: readonly string[]; files?: readonly string[] } = {},
): string | undefined {
  const missing: string[] = [];
  if ((requirements.root ?? true) && process.getuid?.() !== 0) missing.push('root (network namespaces)');
  for (const command of missingCommands(requirements.commands ?? [])) missing.push(`the command '${command}'`);
  for (const file of requirements.files ?? []) {
    if (!existsSync(file)) missing.push(`${file} (set HEARTLINE_VECTORS for the heartbeat captures)`);
  }
  if (missing.length === 0) return undefined;
  const reason = `needs ${missing.join(', ')}`;
  if (process.env['HEARTLINE_REQUIRE_E2E'] === '1') {
    throw new Error(`HEARTLINE_REQUIRE_E2E=1 but this end-to-end test ${reason}; run .ci/run as root on a clone with shared/ beside it`);
  }
  return reason;
}
