import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteNetns } from './deleteNetns.js';
import { runCommand } from './runCommand.js';

/**
 * Removes the namespaces (and their processes, killed by PID) left behind by lab runs whose
 * process is gone: a test killed by a timeout or a crash cannot clean up after itself.
 * A lab's namespaces are `<prefix><pid base 36><counter>b|n<i>`; labs of live processes are kept.
 */
export async function removeStaleLabs(prefix: string): Promise<void> {
  const { stdout } = await runCommand('ip', ['netns', 'list'], { allowFailure: true });
  const pattern = new RegExp(`^(${prefix}([0-9a-z]+?)([0-9a-z]))(b|n\\d+)$`);
  const stale = new Set<string>();
  for (const line of stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = pattern.exec(name);
    if (m === null) continue;
    const pid = parseInt(m[2]!, 36);
    if (pid !== process.pid && !isNodeProcess(pid)) stale.add(name);
  }
  for (const ns of stale) {
    const pids = (await runCommand('ip', ['netns', 'pids', ns], { allowFailure: true })).stdout.split(/\s+/).filter(Boolean);
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  for (const ns of stale) {
    await deleteNetns(ns);
    const lab = ns.replace(/(b|n\d+)$/, '');
    rmSync(join(tmpdir(), `${lab}-lab`), { recursive: true, force: true });
  }
}

function isNodeProcess(pid: number): boolean {
  if (!existsSync(`/proc/${pid}`)) return false;
  try {
    // A killed test process stays a zombie until its parent reaps it: that is dead too.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('node');
  } catch {
    return false;
  }
}
