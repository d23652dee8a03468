import type { MetricsSettings } from '@heartline/core';
import type { MetricsContext } from './MetricsContext.js';
import { MetricsServer } from './MetricsServer.js';
import { NodeMetrics } from './NodeMetrics.js';
import type { RunningMetrics } from './RunningMetrics.js';

/**
 * The metrics endpoint, started: the module the daemon imports only when heartline.cf turns
 * metrics on, so that prom-client is never loaded otherwise. Rejects when it cannot listen.
 */
export async function startMetrics(settings: MetricsSettings, context: MetricsContext): Promise<RunningMetrics> {
  const metrics = new NodeMetrics(context);
  const server = new MetricsServer(metrics, context.logger);
  const address = await server.listen(settings.host, settings.port);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/metrics`,
    observer: metrics.activator,
    close: () => server.close(),
  };
}
