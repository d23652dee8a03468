import type { HaCf, MediaSpec, MetricsSettings } from '@heartline/core';
import { canonical } from './canonical.js';
import { directiveLines } from './directiveLines.js';
import { haCfReloadRules } from './haCfReloadRules.js';
import type { ReloadChange } from './ReloadChange.js';
import type { ReloadPlan } from './ReloadPlan.js';
import type { RunningConfig } from './RunningConfig.js';

const RESTART_HINT = 'needs a restart: ha stop/start';

/**
 * What a reload does, from the configuration running and the one just read (without errors): one
 * change per directive or file that differs, applied when it can change safely while the node runs
 * (log settings, keepalive, deadtime, warntime, authkeys, the metrics endpoint), refused otherwise. Pure.
 */
export function planReload(current: RunningConfig, loaded: RunningConfig): ReloadPlan {
  const lines = directiveLines(loaded.haCfText);
  const at = (directive: string): ReloadChange['where'] => {
    const line = lines.get(directive);
    return line === undefined ? undefined : { file: loaded.files.haCf, line };
  };
  const changes: ReloadChange[] = [];
  const nextHaCf: Record<string, unknown> = { ...current.haCf };
  let retime = false;
  let relog = false;
  for (const field of Object.keys(haCfReloadRules) as Array<keyof HaCf>) {
    const rule = haCfReloadRules[field];
    const before = current.haCf[field];
    const after = loaded.haCf[field];
    if (canonical(before) === canonical(after)) continue;
    if (rule.apply === 'derived') {
      nextHaCf[field] = after;
    } else if (rule.apply === 'media') {
      changes.push(...mediaChanges(current.haCf.media, loaded.haCf.media, loaded.files.haCf));
    } else if (rule.apply === 'restart') {
      changes.push({ directive: rule.directive, outcome: 'refused', detail: `${rule.why}; ${RESTART_HINT}`, where: at(rule.directive) });
    } else {
      nextHaCf[field] = after;
      if (rule.apply === 'later') {
        // A value computed from another directive (initdead from deadtime) follows it without a word.
        const where = at(rule.directive);
        if (where !== undefined) changes.push({ directive: rule.directive, outcome: 'noted', detail: rule.why, where });
        continue;
      }
      if (rule.apply === 'timing') retime = true;
      else relog = true;
      const unit = field.endsWith('Ms') ? ' ms' : '';
      changes.push({ directive: rule.directive, outcome: 'applied', detail: `${show(before)}${unit} -> ${show(after)}${unit}`, where: at(rule.directive) });
    }
  }

  const rekey = canonical(current.authKeys) !== canonical(loaded.authKeys);
  if (rekey) {
    const slots = [...loaded.authKeys.slots.keys()].sort((a, b) => a - b).join(', ');
    changes.push({
      directive: 'authkeys',
      outcome: 'applied',
      detail: `signing with slot ${loaded.authKeys.activeSlot} (was ${current.authKeys.activeSlot}), accepting slots ${slots}`,
      where: { file: loaded.files.authkeys, line: 0 },
    });
  }
  const groupsChanged = canonical(current.groups) !== canonical(loaded.groups);
  if (groupsChanged) {
    const first = loaded.groups.find((g, i) => canonical(g) !== canonical(current.groups[i])) ?? loaded.groups[current.groups.length];
    changes.push({
      directive: 'haresources',
      outcome: 'refused',
      detail: `resource groups are agreed with the peer at start and run as they were read then; ${RESTART_HINT} (the peer holds the groups meanwhile)`,
      where: { file: loaded.files.haresources, line: first?.where.line ?? 0 },
    });
  }
  const monitorsChanged = canonical(current.heartline.monitors) !== canonical(loaded.heartline.monitors);
  if (monitorsChanged) {
    const first = loaded.heartline.monitors.find((m, i) => canonical(m) !== canonical(current.heartline.monitors[i]));
    changes.push({
      directive: 'monitor',
      outcome: 'refused',
      detail: `resource monitoring is planned from heartline.cf at start; ${RESTART_HINT}`,
      where: { file: loaded.files.heartline, line: first?.where.line ?? 0 },
    });
  }
  const timeoutsChanged = canonical(current.heartline.timeouts) !== canonical(loaded.heartline.timeouts);
  if (timeoutsChanged) {
    const first = loaded.heartline.timeouts.find((t, i) => canonical(t) !== canonical(current.heartline.timeouts[i])) ?? current.heartline.timeouts[loaded.heartline.timeouts.length];
    changes.push({
      directive: 'timeouts',
      outcome: 'refused',
      // As monitor lines: the resource layer is built from heartline.cf once, at start.
      detail: `resource operation timeouts are read from heartline.cf at start; ${RESTART_HINT}`,
      where: { file: loaded.files.heartline, line: first?.where.line ?? 0 },
    });
  }
  const metrics = metricsChange(current.heartline.metrics, loaded.heartline.metrics, loaded.files.heartline);
  if (metrics !== undefined) changes.push(metrics);
  const plugins = pluginChange(current, loaded);
  if (plugins !== undefined) changes.push(plugins);

  const next: RunningConfig = {
    ...current,
    haCf: nextHaCf as unknown as HaCf,
    haCfText: loaded.haCfText,
    files: loaded.files,
    authKeys: loaded.authKeys,
    heartline: { monitors: current.heartline.monitors, timeouts: current.heartline.timeouts, ...(loaded.heartline.metrics === undefined ? {} : { metrics: loaded.heartline.metrics }) },
  };
  return { changes, retime, relog, rekey, remetric: metrics !== undefined, next };
}

/** The metrics endpoint opens, moves or closes at once; its line's position alone changes nothing. */
function metricsChange(before: MetricsSettings | undefined, after: MetricsSettings | undefined, file: string): ReloadChange | undefined {
  const endpoint = (m: MetricsSettings | undefined): string =>
    m === undefined || !m.enabled ? 'off' : `${m.host.includes(':') ? `[${m.host}]` : m.host}:${m.port}${m.remote ? ' remote=yes' : ''}`;
  if (endpoint(before) === endpoint(after)) return undefined;
  const where = after ?? before;
  return { directive: 'metrics', outcome: 'applied', detail: `${endpoint(before)} -> ${endpoint(after)}`, where: where === undefined ? undefined : { file, line: where.where.line } };
}

/** One refused change per medium kind (bcast, ucast, serial...) whose lines differ. */
function mediaChanges(before: readonly MediaSpec[], after: readonly MediaSpec[], file: string): ReloadChange[] {
  const kinds = [...new Set([...before, ...after].map((m) => m.kind))];
  const changes: ReloadChange[] = [];
  for (const kind of kinds) {
    const old = before.filter((m) => m.kind === kind);
    const now = after.filter((m) => m.kind === kind);
    if (canonical(old) === canonical(now)) continue;
    const first = now.find((m, i) => canonical(m) !== canonical(old[i]));
    changes.push({
      directive: kind,
      outcome: 'refused',
      detail: `the media are opened at start; ${RESTART_HINT}`,
      where: first === undefined ? { file, line: 0 } : { file: first.where.file, line: first.where.line },
    });
  }
  return changes;
}

function pluginChange(current: RunningConfig, loaded: RunningConfig): ReloadChange | undefined {
  const key = (p: RunningConfig['plugins'][number]): string => `${p.packageName} ${canonical(p.manifest)} ${p.packageRoot}`;
  const before = new Map(current.plugins.map((p) => [key(p), p.packageName]));
  const after = new Map(loaded.plugins.map((p) => [key(p), p.packageName]));
  const added = [...after].filter(([k]) => !before.has(k)).map(([, name]) => name);
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, name]) => name);
  if (added.length === 0 && removed.length === 0) return undefined;
  const what = [added.length > 0 ? `now installed: ${added.join(', ')}` : '', removed.length > 0 ? `gone: ${removed.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  return { directive: 'plugins', outcome: 'refused', detail: `${what}; plugins are loaded at start; ${RESTART_HINT}`, where: undefined };
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : typeof value === 'string' ? value : JSON.stringify(value);
}
