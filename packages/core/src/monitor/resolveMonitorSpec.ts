import type { MonitorRule } from '../config/HeartlineCf.js';
import type { ResourceRef } from '../config/ResourceRef.js';
import { basename } from 'node:path';
import { monitorDefaults } from './monitorDefaults.js';
import type { MonitorSpec } from './MonitorSpec.js';

/**
 * How `resource` is monitored, or undefined when it is not: heartline.cf's type line, then its
 * resource line, over the defaults, each key separately; without a line that turns it on or off
 * the agent decides (`monitoredByDefault`: the VIP and apache yes, init scripts no, since many
 * LSB `status` actions do not tell the truth).
 */
export function resolveMonitorSpec(resource: ResourceRef, rules: readonly MonitorRule[], monitoredByDefault: boolean): MonitorSpec | undefined {
  const byType = rules.filter((r) => r.selector === resource.type);
  const byResource = rules.filter((r) => r.selector === resource.text || r.selector === resource.spec);
  const matching = [...byType, ...byResource];
  let enabled = monitoredByDefault;
  let spec: Omit<MonitorSpec, 'origin'> = monitorDefaults;
  for (const rule of matching) {
    if (rule.enabled !== undefined) enabled = rule.enabled;
    spec = {
      intervalMs: rule.intervalMs ?? spec.intervalMs,
      timeoutMs: rule.timeoutMs ?? spec.timeoutMs,
      restarts: rule.restarts ?? spec.restarts,
      windowMs: rule.windowMs ?? spec.windowMs,
    };
  }
  if (!enabled) return undefined;
  const last = matching.at(-1);
  const origin = last === undefined ? 'agent default' : `${basename(last.where.file)}:${last.where.line}`;
  return { ...spec, origin };
}
