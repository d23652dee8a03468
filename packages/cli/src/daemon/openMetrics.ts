import { HaError, type MetricsSettings } from '@heartline/core';
import type { MetricsContext } from './metrics/MetricsContext.js';
import type { RunningMetrics } from './metrics/RunningMetrics.js';

/**
 * Starts the metrics endpoint heartline.cf asks for. prom-client comes in here, by a dynamic
 * import, and only here: a node without metrics never loads it. A failure is logged with its code
 * and the node runs on without metrics (a port taken must not keep a node out of its cluster).
 */
export async function openMetrics(settings: MetricsSettings, context: MetricsContext): Promise<RunningMetrics | undefined> {
  const where = `${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}`;
  let module: typeof import('./metrics/startMetrics.js');
  try {
    module = await import('./metrics/startMetrics.js');
  } catch (error) {
    logProblem(context, new HaError('METRICS_UNAVAILABLE', `metrics on ${where} (${settings.where.file}:${settings.where.line}): ${(error as Error).message}`));
    return undefined;
  }
  try {
    const running = await module.startMetrics(settings, context);
    context.logger.info(`Metrics served on ${running.url}${settings.remote ? ' (remote=yes: reachable beyond this machine, without a password)' : ''}`);
    return running;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    logProblem(context, new HaError('METRICS_LISTEN_FAILED', `cannot listen on ${where} (${settings.where.file}:${settings.where.line}): ${code ?? (error as Error).message}`));
    return undefined;
  }
}

function logProblem(context: MetricsContext, error: HaError): void {
  context.logger.error(`${error.code}: ${error.message}; running without metrics; hint: ${error.hint}`);
}
