import type { ReloadChange } from './ReloadChange.js';

/**
 * The log line of one change: `Reload: refused node (/etc/ha.d/ha.cf:9): the cluster membership is
 * built from it at start; needs a restart: ha stop/start (RELOAD_NEEDS_RESTART)`.
 */
export function formatReloadChange(change: ReloadChange): string {
  const where = change.where === undefined ? '' : change.where.line > 0 ? ` (${change.where.file}:${change.where.line})` : ` (${change.where.file})`;
  const code = change.outcome === 'refused' ? ' (RELOAD_NEEDS_RESTART)' : '';
  return `Reload: ${change.outcome} ${change.directive}${where}: ${change.detail}${code}`;
}
