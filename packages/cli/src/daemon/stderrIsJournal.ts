import { fstatSync } from 'node:fs';

/**
 * Whether stderr is systemd's journal stream: systemd sets $JOURNAL_STREAM to `DEVICE:INODE` of the
 * stream it connects, and the variable only counts while fd 2 is still that stream (a child of the
 * service whose stderr was redirected elsewhere inherits the variable but not the stream).
 */
export function stderrIsJournal(env: NodeJS.ProcessEnv = process.env, fd = 2): boolean {
  const stream = env['JOURNAL_STREAM'];
  if (stream === undefined || stream === '') return false;
  try {
    const stat = fstatSync(fd);
    return stream === `${stat.dev}:${stat.ino}`;
  } catch {
    return false;
  }
}
