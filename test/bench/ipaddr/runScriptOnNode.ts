import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { LabNode } from '../../lib/LabNode.js';

/** A script run on a node: its exit code, when it was spawned and when it exited (epoch ms). */
export interface ScriptRun {
  readonly code: number | null;
  readonly calledAtMs: number;
  readonly returnedAtMs: number;
}

const wallMs = (): number => performance.timeOrigin + performance.now();

/**
 * Runs `file args` on the node (nsenter into its container, as heartbeat's ResourceManager runs it
 * there) with its output appended to `logFile`, and resolves when the process exits. It does not
 * wait for its stdio to close: heartbeat's IPaddr leaves send_arp running in the background with
 * the script's stderr. Killed (its process group, by PID) after `timeoutMs`.
 */
export function runScriptOnNode(node: LabNode, file: string, args: readonly string[], logFile: string, timeoutMs = 30_000): Promise<ScriptRun> {
  if (node.initPid === undefined) return Promise.reject(new Error(`${node.name} is not running`));
  const out = openSync(logFile, 'a');
  const calledAtMs = wallMs();
  const child = spawn('nsenter', ['-t', String(node.initPid), '-a', '--', file, ...args], { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      const returnedAtMs = wallMs();
      clearTimeout(timer);
      resolve({ code, calledAtMs, returnedAtMs });
    });
  });
}
