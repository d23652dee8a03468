import type { AgentContext, AgentResult } from '@heartline/core';
import { refusedResult } from '@heartline/core';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheInstance } from './ApacheInstance.js';
import { ApacheProcesses } from './ApacheProcesses.js';
import { apacheTimings } from './apacheTimings.js';

/**
 * Stops apache and returns once its processes are gone and its Listen ports are free.
 * Graceful first: SIGWINCH (`-k graceful-stop`), so apache closes its listeners at once and lets
 * requests in flight finish. As soon as it no longer listens and no connection to it is left,
 * the rest of its process group is ended with SIGKILL: apache's parent would otherwise take
 * another 1-3 s to reap idle children. Requests still running after `graceful_ms`: SIGTERM to
 * the main process, then SIGKILL to the group. Children left by a main process that was killed
 * are killed too. Nothing running is `stopped` (idempotent).
 */
export async function stopApache(apache: ApacheInstance, context: AgentContext, env: ApacheEnvironment): Promise<AgentResult> {
  const { clock, logger } = context;
  const deadlineMs = clock.now() + context.timeoutMs;
  const processes = new ApacheProcesses(apache, env);
  const recorded = processes.recorded();
  const main = processes.main();
  let pgid: number;
  let onlyApache: boolean;
  if (main !== undefined) {
    pgid = main;
    onlyApache = false;
    logger.info(`Stopping ${apache.name} (pid ${main}): graceful-stop (SIGWINCH)`);
    env.signal(main, 'SIGWINCH');
    const graceUntilMs = Math.min(deadlineMs, clock.now() + apache.gracefulMs);
    for (;;) {
      if (processes.group(pgid, false).length === 0) break;
      const sockets = processes.sockets();
      if (sockets.listening.length === 0 && sockets.connections.length === 0) {
        logger.info(`${apache.name} no longer listens and serves no connection: ending its processes (SIGKILL to process group ${pgid})`);
        processes.kill(pgid, false);
        break;
      }
      if (clock.now() >= graceUntilMs) {
        logger.warn(`${apache.name} still serves ${sockets.connections.length} connection(s) after ${apache.gracefulMs} ms of graceful stop: SIGTERM`);
        env.signal(main, 'SIGTERM');
        await waitUntil(context, Math.min(deadlineMs, clock.now() + apacheTimings.termMs), () => processes.group(pgid, false).length === 0);
        if (processes.group(pgid, false).length > 0) {
          logger.warn(`${apache.name} survived SIGTERM: SIGKILL to process group ${pgid}`);
          processes.kill(pgid, false);
        }
        break;
      }
      await clock.sleep(apacheTimings.pollMs);
    }
  } else {
    if (recorded === undefined || processes.group(recorded, true).length === 0) return { status: 'stopped' };
    pgid = recorded;
    onlyApache = true;
    const left = processes.group(pgid, true);
    logger.warn(`${apache.name}: its main process (pid ${recorded}) is gone but ${left.length} of its processes remain (${left.join(' ')}): SIGKILL`);
    processes.kill(pgid, true);
  }
  await waitUntil(context, deadlineMs, () => processes.group(pgid, onlyApache).length === 0 && processes.listening().length === 0);
  const survivors = processes.group(pgid, onlyApache);
  if (survivors.length > 0) {
    return refusedResult(context, 'APACHE_STOP_FAILED', `${apache.name}: processes ${survivors.join(' ')} of process group ${pgid} are still there ${context.timeoutMs} ms after SIGKILL`);
  }
  const holders = processes.listening();
  if (holders.length > 0) {
    // apache is gone, so whoever listens there now is not apache: nothing for this stop to wait for.
    logger.warn(`${apache.name} is stopped, but ${processes.describe(holders)} is still listening on its address`);
  }
  if (processes.recorded() === pgid) env.removeFile(apache.pidFile);
  return { status: 'stopped' };
}

async function waitUntil(context: AgentContext, untilMs: number, done: () => boolean): Promise<void> {
  while (!done() && context.clock.now() < untilMs) await context.clock.sleep(apacheTimings.pollMs);
}
