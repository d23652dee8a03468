import { spawn } from 'node:child_process';
import { sleep } from '../../lib/sleep.js';
import { readDaemonUsage } from './readDaemonUsage.js';

/** RSS and PSS of a Node process that loaded nothing and waits on stdin: what any Node daemon costs at least. */
export async function nodeFloor(): Promise<{ rssMiB: number; pssMiB: number }> {
  const child = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: ['pipe', 'ignore', 'ignore'], env: {} });
  try {
    await sleep(2000);
    const usage = readDaemonUsage(child.pid === undefined ? [] : [child.pid]);
    if (usage.processes === 0) throw new Error('the empty node process exited');
    return { rssMiB: usage.rssKb / 1024, pssMiB: usage.pssKb / 1024 };
  } finally {
    child.kill('SIGKILL');
  }
}
