import { basename } from 'node:path';
import type { TimeoutRule } from '../config/HeartlineCf.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import { defaultOperationTimeouts, type OperationTimeouts } from './OperationTimeouts.js';
import type { ResourceTimeouts } from './ResourceTimeouts.js';

/**
 * How long a start and a stop of `resource` may run: heartline.cf's type line, then its resource
 * line, over `defaults`, each key separately (as `monitor` lines resolve); each key says which
 * line set it. Pure.
 */
export function resolveResourceTimeouts(
  resource: ResourceRef,
  rules: readonly TimeoutRule[],
  defaults: Pick<OperationTimeouts, 'start' | 'stop'> = defaultOperationTimeouts,
): ResourceTimeouts {
  const byType = rules.filter((r) => r.selector === resource.type);
  const byResource = rules.filter((r) => r.selector === resource.text || r.selector === resource.spec);
  let resolved: ResourceTimeouts = { startMs: defaults.start, stopMs: defaults.stop, startOrigin: 'default', stopOrigin: 'default' };
  for (const rule of [...byType, ...byResource]) {
    const origin = `${basename(rule.where.file)}:${rule.where.line}`;
    if (rule.startMs !== undefined) resolved = { ...resolved, startMs: rule.startMs, startOrigin: origin };
    if (rule.stopMs !== undefined) resolved = { ...resolved, stopMs: rule.stopMs, stopOrigin: origin };
  }
  return resolved;
}
