import type { AgentContext, AgentResult } from '@heartline/core';
import { describeResult, refusedResult } from '@heartline/core';
import { answered } from './answered.js';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheInstance } from './ApacheInstance.js';
import { ApacheProcesses } from './ApacheProcesses.js';
import { apacheTimings } from './apacheTimings.js';
import { apacheWords } from './apacheWords.js';
import { describeAnswer } from './describeAnswer.js';
import { errorLogLines } from './errorLogLines.js';
import type { HttpAnswer } from './HttpAnswer.js';
import { stopApache } from './stopApache.js';

/**
 * Starts apache with its own config (`httpd [-d DIR] -f CONFIG [options] -k start`, never the
 * distribution's init script) and returns `running` once the main process runs and the status
 * URL answers. A running apache that answers is left alone (idempotent). Apache's own words for a
 * refused start (a syntax error, a port it cannot bind) are in the failed result and the log;
 * whatever a failed or timed-out start leaves running is stopped again.
 */
export async function startApache(apache: ApacheInstance, context: AgentContext, env: ApacheEnvironment): Promise<AgentResult> {
  const { clock, logger } = context;
  const begunMs = clock.now();
  const waitUntilMs = begunMs + context.timeoutMs * apacheTimings.startWaitShare;
  const processes = new ApacheProcesses(apache, env);
  const running = processes.main();
  if (running !== undefined) {
    const answer = await env.httpGet(apache.url, apacheTimings.startProbeMs, clock);
    if (answered(answer, apache.needsSuccess)) {
      logger.info(`${apache.name} is already running (pid ${running})`);
      return { status: 'running' };
    }
    logger.info(`${apache.name} runs (pid ${running}) but ${apache.url} does not answer yet (${describeAnswer(answer)}): waiting`);
    return awaitAnswer(apache, context, env, begunMs, waitUntilMs, undefined);
  }
  const stale = processes.recorded();
  if (stale !== undefined) {
    // Children left by a main process killed with -9 still hold the port: stop clears them. The pid
    // file goes too: apache takes any live pid in it (a zombie, a reused pid) for itself and exits 0.
    await stopApache(apache, { ...context, timeoutMs: apacheTimings.termMs }, env);
    logger.info(`${apache.name}: removing the stale pid file ${apache.pidFile} (pid ${stale} is not apache)`);
    env.removeFile(apache.pidFile);
  }
  const holders = processes.listening();
  if (holders.length > 0) {
    return refusedResult(context, 'APACHE_PORT_IN_USE', `${apache.name}: ${processes.describe(holders)} already listens where apache is to listen; nothing was started`);
  }
  for (const directory of apache.directories) {
    try {
      env.makeDirectory(directory.path, directory.owner);
    } catch (error) {
      logger.warn(`${apache.name}: cannot create ${directory.path}: ${(error as Error).message}`);
    }
  }
  const logOffset = apache.errorLog === undefined ? 0 : env.fileSize(apache.errorLog);
  const args = [...apache.args, '-k', 'start'];
  logger.info(`Running ${[apache.httpd, ...args].join(' ')}`);
  const outcome = await context.commands.run({
    file: apache.httpd,
    args,
    env: { ...context.env, ...apache.env },
    timeoutMs: Math.max(1, waitUntilMs - clock.now()),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  for (const line of `${outcome.stdout}\n${outcome.stderr}`.split('\n')) if (line.trim() !== '') logger.debug(line.trimEnd());
  if (outcome.exitCode !== 0) {
    const how =
      outcome.spawnError !== undefined
        ? `cannot run ${apache.httpd}: ${outcome.spawnError}`
        : outcome.timedOut
          ? `${apache.httpd} -k start did not return in time`
          : outcome.exitCode === undefined
            ? `${apache.httpd} -k start was killed by ${outcome.signal ?? 'a signal'}`
            : `${apache.httpd} -k start exited ${outcome.exitCode}`;
    const words = [apacheWords(outcome), ...errorLogSince(apache, env, logOffset)].filter((w) => w !== '').join(' ');
    if (processes.main() !== undefined) await stopApache(apache, { ...context, timeoutMs: apacheTimings.termMs }, env);
    return refusedResult(context, 'APACHE_START_FAILED', `${apache.name}: ${how}${words === '' ? '' : `: ${words}`}`);
  }
  if (processes.main() === undefined && /already running/.test(outcome.stdout + outcome.stderr)) {
    return refusedResult(context, 'APACHE_START_FAILED', `${apache.name}: ${apache.httpd} -k start did nothing: ${apacheWords(outcome)}, but that process is not the apache of ${apache.pidFile}`);
  }
  return awaitAnswer(apache, context, env, begunMs, waitUntilMs, logOffset);
}

/** Waits for the main process and its answer; gives up (and stops apache again) at `waitUntilMs`. */
async function awaitAnswer(
  apache: ApacheInstance,
  context: AgentContext,
  env: ApacheEnvironment,
  begunMs: number,
  waitUntilMs: number,
  logOffset: number | undefined,
): Promise<AgentResult> {
  const { clock, logger } = context;
  const processes = new ApacheProcesses(apache, env);
  let seen: number | undefined;
  let last: HttpAnswer = { error: `no apache process in ${apache.pidFile} yet` };
  for (;;) {
    const main = processes.main();
    if (main !== undefined) {
      seen = main;
      last = await env.httpGet(apache.url, Math.max(1, Math.min(apacheTimings.startProbeMs, waitUntilMs - clock.now())), clock);
      if (answered(last, apache.needsSuccess)) {
        logger.info(`${apache.name} started (pid ${main}): ${apache.url} answers ${describeAnswer(last)} ${Math.round(clock.now() - begunMs)} ms after the start`);
        return { status: 'running' };
      }
    } else if (seen !== undefined) {
      const words = errorLogSince(apache, env, logOffset).join(' ');
      await stopApache(apache, { ...context, timeoutMs: apacheTimings.termMs }, env);
      return refusedResult(context, 'APACHE_START_FAILED', `${apache.name}: apache (pid ${seen}) exited while starting${words === '' ? '' : `: ${words}`}`);
    }
    if (clock.now() >= waitUntilMs || context.signal?.aborted === true) break;
    await clock.sleep(apacheTimings.pollMs);
  }
  const waitedMs = Math.round(clock.now() - begunMs);
  const words = errorLogSince(apache, env, logOffset).join(' ');
  const remainingMs = Math.max(apacheTimings.termMs, begunMs + context.timeoutMs - clock.now());
  const stopped = await stopApache(apache, { ...context, timeoutMs: remainingMs }, env);
  const after = stopped.status === 'stopped' ? 'it was stopped again' : `stopping it again: ${describeResult(stopped)}`;
  return refusedResult(context, 'APACHE_NOT_ANSWERING', `${apache.name}: ${apache.url} did not answer within ${waitedMs} ms (${describeAnswer(last)})${words === '' ? '' : `; error log: ${words}`}; ${after}`);
}

function errorLogSince(apache: ApacheInstance, env: ApacheEnvironment, offset: number | undefined): string[] {
  if (apache.errorLog === undefined || offset === undefined) return [];
  return errorLogLines(env.readFrom(apache.errorLog, offset));
}
