import { runCommand } from './runCommand.js';

/**
 * Why a test that installs third-party packages from the machine's npm registry cannot run here
 * (`npm ping` fails), or undefined. With HEARTLINE_REQUIRE_E2E=1 it never skips: the test runs and
 * fails where the registry is missing.
 */
export async function publicRegistrySkipReason(): Promise<string | undefined> {
  if (process.env['HEARTLINE_REQUIRE_E2E'] === '1') return undefined;
  const ping = await runCommand('npm', ['ping', '--fetch-retries=1', '--fetch-timeout=10000'], { allowFailure: true, timeoutMs: 30_000 }).catch((error: unknown) => ({
    code: -1,
    stdout: '',
    stderr: String(error),
  }));
  if (ping.code === 0) return undefined;
  const why = ping.stderr.split('\n').find((line) => /npm error (code|errno|request)|Error/.test(line)) ?? `exit ${ping.code}`;
  return `needs the npm registry for third-party packages (npm ping: ${why.trim()})`;
}
