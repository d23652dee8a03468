import { readFile } from 'node:fs/promises';
import { loadConfigDir, type ConfigDir, type PluginDescriptor } from '@heartline/core';
import type { RunningConfig } from './RunningConfig.js';

/**
 * Reads the configuration directory as `ha start` and a reload do: the parsed files with all their
 * issues, and, when none is an error and authkeys can sign, the configuration to run.
 */
export async function readRunningConfig(
  configDir: string,
  plugins: readonly PluginDescriptor[],
): Promise<{ readonly config: ConfigDir; readonly running: RunningConfig | undefined }> {
  const config = await loadConfigDir(configDir);
  const haCfText = await readFile(config.files.haCf, 'utf8').catch(() => '');
  const errors = config.issues.some((i) => i.severity === 'error');
  if (errors || config.authKeys === undefined) return { config, running: undefined };
  const running: RunningConfig = {
    haCf: config.haCf,
    haCfText,
    files: config.files,
    groups: config.groups,
    authKeys: config.authKeys,
    heartline: config.heartline,
    plugins,
  };
  return { config, running };
}
