/**
 * Sends `signal` to every process of group `pgid` (signal 0 only asks). Answers whether the group
 * still has members, zombies included; never throws.
 */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    // EPERM: members exist but belong to someone else (a setuid helper); ESRCH: none left.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
