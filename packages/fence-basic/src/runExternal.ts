import type { CommandOutcome, FenceContext, FenceValidateContext } from '@heartline/core';
import { externalSettings as X } from './externalSettings.js';

/**
 * One operation of an external plugin as cluster-glue's external_run_cmd runs it: `PATH OP [HOST]`,
 * with the device's parameters as environment variables, HA_LOGTAG `external/NAME`, and cluster-glue's
 * shared directory (ha_log.sh) first on PATH. With a logger, each line the plugin prints is logged
 * at info, as cluster-glue does for a reset.
 */
export function runExternal(
  path: string,
  type: string,
  args: readonly string[],
  params: Readonly<Record<string, string>>,
  context: FenceValidateContext & Partial<Pick<FenceContext, 'logger' | 'signal'>>,
  timeoutMs: number,
): Promise<CommandOutcome> {
  const basePath = context.env['PATH'] ?? process.env['PATH'] ?? X.fallbackPath;
  const env = {
    ...context.env,
    ...params,
    HA_LOGTAG: type,
    PATH: basePath.startsWith(X.glueSharedDir) ? basePath : `${X.glueSharedDir}:${basePath}`,
  };
  return context.commands
    .run({ file: path, args, env, timeoutMs, ...(context.signal === undefined ? {} : { signal: context.signal }) })
    .then((outcome) => {
      const logger = context.logger;
      if (logger !== undefined) {
        for (const line of `${outcome.stdout}\n${outcome.stderr}`.split('\n')) {
          if (line.trim() !== '') logger.info(`${type} ${args.join(' ')}: ${line.trimEnd()}`);
        }
      }
      return outcome;
    });
}
