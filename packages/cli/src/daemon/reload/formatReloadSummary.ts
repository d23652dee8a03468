import type { ReloadChange } from './ReloadChange.js';

/**
 * The one line that ends a reload, e.g. `Reload: applied keepalive, deadtime; refused node (needs a
 * restart)`. Each name appears once per outcome, in the order the changes came.
 */
export function formatReloadSummary(changes: readonly ReloadChange[]): string {
  if (changes.length === 0) return 'Reload: nothing changed';
  const names = (outcome: ReloadChange['outcome']): string =>
    [...new Set(changes.filter((c) => c.outcome === outcome).map((c) => c.directive))].join(', ');
  const parts = [
    ['applied', names('applied'), ''],
    ['refused', names('refused'), ' (needs a restart)'],
    ['noted', names('noted'), ' (no effect while running)'],
  ]
    .filter(([, list]) => list !== '')
    .map(([label, list, note]) => `${label} ${list}${note}`);
  return `Reload: ${parts.join('; ')}`;
}
