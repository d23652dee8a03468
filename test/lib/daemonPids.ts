import { readFileSync } from 'node:fs';
import type { LabNode } from './LabNode.js';

/** What runs on an idle lab node besides its cluster daemon: the container's makers and the way in. */
const NOT_THE_DAEMON = new Set(['unshare', 'nsenter']);

/**
 * Host PIDs of the cluster daemon's processes on a lab node: every process of the node but the
 * container's init, `unshare` and `nsenter` (heartbeat 3.0.6 runs 4 with one bcast medium:
 * master control, FIFO reader, the medium's writer and reader; Heartline runs 1).
 */
export async function daemonPids(node: LabNode): Promise<number[]> {
  return (await node.pids()).filter((pid) => {
    const name = comm(pid);
    return pid !== node.initPid && name !== undefined && !NOT_THE_DAEMON.has(name);
  });
}

function comm(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
