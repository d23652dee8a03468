import { runCommand } from './runCommand.js';
import { waitUntil } from './waitUntil.js';

/**
 * Deletes a network namespace once its processes are gone. A container's private mount namespace
 * holds a copy of the /run/netns/NAME mount, and the name cannot be unlinked (EBUSY) until the
 * kernel has torn that namespace down with its last process: hence the wait and the retries.
 */
export async function deleteNetns(ns: string): Promise<void> {
  await waitUntil(`processes of ${ns} to exit`, async () => {
    const { stdout } = await runCommand('ip', ['netns', 'pids', ns], { allowFailure: true });
    return stdout.trim() === '' ? true : undefined;
  }, { timeoutMs: 10_000 }).catch(() => undefined);
  await waitUntil(`ip netns del ${ns}`, async () => {
    const { code, stderr } = await runCommand('ip', ['netns', 'del', ns], { allowFailure: true });
    if (code === 0 || /No such file/.test(stderr)) return true;
    throw new Error(stderr.trim());
  }, { timeoutMs: 10_000, intervalMs: 100 });
}
