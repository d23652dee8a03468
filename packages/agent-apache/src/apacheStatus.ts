import type { AgentContext, AgentResult } from '@heartline/core';
import { refusedResult } from '@heartline/core';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheInstance } from './ApacheInstance.js';
import { ApacheProcesses } from './ApacheProcesses.js';
import { apacheTimings } from './apacheTimings.js';
import { statusVerdict } from './statusVerdict.js';

/** The main process from the pid file and one GET on the status URL, judged by `statusVerdict`. */
export async function apacheStatus(apache: ApacheInstance, context: AgentContext, env: ApacheEnvironment): Promise<AgentResult> {
  const processes = new ApacheProcesses(apache, env);
  const main = processes.main();
  const answer = await env.httpGet(apache.url, Math.min(context.timeoutMs, apacheTimings.statusProbeMs), context.clock);
  const verdict = statusVerdict({ main, recorded: processes.recorded(), answer }, apache);
  return 'code' in verdict ? refusedResult(context, verdict.code, verdict.message) : verdict;
}
