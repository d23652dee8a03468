import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { haBin } from '../runHa.js';

/** A real `ha start` on loopback for a test, with its stderr collected. */
export interface LoopbackDaemon {
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
  stderr: string;
}

/** Starts node1 from `configDir`, its state under `dir` (state/, init.d/), its sockets in `runDir`. */
export function startLoopbackDaemon(configDir: string, dir: string, runDir: string): LoopbackDaemon {
  const child = spawn(
    process.execPath,
    [haBin, 'start', '--config-dir', configDir, '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', runDir, '--init-dir', join(dir, 'init.d')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const daemon: LoopbackDaemon = { child, exited: new Promise((resolve) => child.once('exit', resolve)), stderr: '' };
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (daemon.stderr += chunk));
  return daemon;
}

/** SIGTERM (the graceful leave), SIGKILL after 15 s; nothing when it already exited. */
export async function stopLoopbackDaemon(daemon: LoopbackDaemon | undefined): Promise<void> {
  if (daemon === undefined || daemon.child.exitCode !== null || daemon.child.signalCode !== null) return;
  daemon.child.kill('SIGTERM');
  const killer = setTimeout(() => daemon.child.kill('SIGKILL'), 15_000);
  await daemon.exited;
  clearTimeout(killer);
}
