import type { ConfigIssue } from './ConfigIssue.js';
import type { HaCfWord } from './HaCfWord.js';
import type { HeartlineCf, MetricsSettings, MonitorRule, TimeoutRule } from './HeartlineCf.js';
import type { HeartlineCfLine } from './HeartlineCfLine.js';
import { closestWord } from './closestWord.js';
import { IssueList } from './IssueList.js';
import { parseDuration } from './parseDuration.js';
import { readMetricsLine } from './readMetricsLine.js';
import { readTimeoutsLine } from './readTimeoutsLine.js';
import { sortIssues } from './sortIssues.js';
import { splitWords, WHITESPACE } from './splitWords.js';

export interface HeartlineCfParseResult {
  /** Lines with errors are left out; the others apply. */
  readonly config: HeartlineCf;
  readonly issues: readonly ConfigIssue[];
}

/** What the file holds so far; each directive's reader adds to it. */
interface HeartlineCfDraft {
  readonly monitors: MonitorRule[];
  readonly timeouts: TimeoutRule[];
  metrics?: MetricsSettings;
}

/** Every directive heartline.cf knows, and what reads its line. */
const DIRECTIVES: Readonly<Record<string, (at: HeartlineCfLine, draft: HeartlineCfDraft) => void>> = {
  monitor: (at, draft) => {
    const rule = readMonitor(at.directive, at.values, at);
    if (rule !== undefined) draft.monitors.push(rule);
  },
  timeouts: (at, draft) => {
    const rule = readTimeoutsLine(at);
    if (rule !== undefined) draft.timeouts.push(rule);
  },
  metrics: (at, draft) => {
    const settings = readMetricsLine(at, draft.metrics);
    if (settings !== undefined) draft.metrics = settings;
  },
};
const MONITOR_KEYS = ['interval', 'timeout', 'restarts', 'window'] as const;
type MonitorKey = (typeof MONITOR_KEYS)[number];

/** Below this a check would cost more than it tells (and could starve the heartbeat timers). */
const MIN_INTERVAL_MS = 100;
const MAX_RESTARTS = 1000;

/**
 * Reads heartline.cf, Heartline's own settings beside ha.cf: `#` comments anywhere, one directive
 * per line, words split on blanks, every problem reported with its line and column.
 *
 *     monitor SELECTOR [on|off] [interval=T] [timeout=T] [restarts=N] [window=T]
 *     timeouts SELECTOR [start=T] [stop=T]
 *     metrics [on|off] [listen=[ADDRESS:]PORT] [remote=yes|no]
 */
export function parseHeartlineCf(text: string, file: string): HeartlineCfParseResult {
  const issues = new IssueList(file);
  const draft: HeartlineCfDraft = { monitors: [], timeouts: [] };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const hash = raw.indexOf('#');
    const words = splitWords((hash < 0 ? raw : raw.slice(0, hash)).replace(/\r$/, ''), 1, WHITESPACE);
    const [directive, ...values] = words;
    if (directive === undefined) return;
    const read = Object.hasOwn(DIRECTIVES, directive.text) ? DIRECTIVES[directive.text] : undefined;
    if (read === undefined) {
      const guess = closestWord(directive.text, Object.keys(DIRECTIVES));
      issues.error(
        line,
        directive.column,
        'HEARTLINE_CF_UNKNOWN_DIRECTIVE',
        `unknown directive '${directive.text}'${guess === undefined ? '' : ` (did you mean '${guess}'?)`}`,
      );
      return;
    }
    read({ file, line, directive, values, issues }, draft);
  });
  const config: HeartlineCf = { monitors: draft.monitors, timeouts: draft.timeouts, ...(draft.metrics === undefined ? {} : { metrics: draft.metrics }) };
  return { config, issues: sortIssues(issues.items) };
}

function readMonitor(directive: HaCfWord, values: readonly HaCfWord[], at: HeartlineCfLine): MonitorRule | undefined {
  const [selector, ...settings] = values;
  if (selector === undefined) {
    at.issues.error(at.line, directive.column, 'HEARTLINE_CF_BAD_VALUE', "'monitor' needs a resource or resource type");
    return undefined;
  }
  const rule: { -readonly [K in keyof MonitorRule]: MonitorRule[K] } = {
    selector: selector.text,
    where: { file: at.file, line: at.line, column: selector.column },
  };
  let ok = true;
  const bad = (word: HaCfWord, message: string): void => {
    at.issues.error(at.line, word.column, 'HEARTLINE_CF_BAD_VALUE', message);
    ok = false;
  };
  for (const word of settings) {
    if (word.text === 'on' || word.text === 'off') {
      if (rule.enabled !== undefined) bad(word, `'${word.text}' after '${rule.enabled ? 'on' : 'off'}' on the same line`);
      rule.enabled = word.text === 'on';
      continue;
    }
    const eq = word.text.indexOf('=');
    const key = word.text.slice(0, eq < 0 ? word.text.length : eq);
    if (eq < 0 || !(MONITOR_KEYS as readonly string[]).includes(key)) {
      const guess = closestWord(key, MONITOR_KEYS);
      bad(word, `'${word.text}' is not a monitor setting${guess === undefined ? '' : ` (did you mean '${guess}=...'?)`}`);
      continue;
    }
    const problem = applySetting(rule, key as MonitorKey, word.text.slice(eq + 1));
    if (problem !== undefined) bad(word, problem);
  }
  if (rule.enabled === false && settings.length > 1) {
    bad(selector, `'off' turns monitoring of ${selector.text} off: drop the other settings of this line or the 'off'`);
  }
  // `monitor mysql` alone, or with settings, turns monitoring on; interval=0 is another `off`.
  rule.enabled = rule.enabled !== false && rule.intervalMs !== 0;
  return ok ? rule : undefined;
}

function applySetting(rule: { intervalMs?: number; timeoutMs?: number; restarts?: number; windowMs?: number }, key: MonitorKey, value: string): string | undefined {
  if (key === 'restarts') {
    if (!/^\d+$/.test(value) || Number(value) > MAX_RESTARTS) return `restarts=${value}: give a whole number from 0 to ${MAX_RESTARTS}`;
    rule.restarts = Number(value);
    return undefined;
  }
  const ms = parseDuration(value);
  if (ms === undefined) return `${key}=${value}: give a duration such as 10s, 500ms, 2min or 1h (a bare number is seconds)`;
  if (key === 'interval') {
    if (ms !== 0 && ms < MIN_INTERVAL_MS) return `interval=${value}: at least ${MIN_INTERVAL_MS}ms (0 turns monitoring off)`;
    rule.intervalMs = ms;
  } else if (key === 'timeout') {
    if (ms < MIN_INTERVAL_MS) return `timeout=${value}: at least ${MIN_INTERVAL_MS}ms`;
    rule.timeoutMs = ms;
  } else {
    if (ms < 1000) return `window=${value}: at least 1s`;
    rule.windowMs = ms;
  }
  return undefined;
}
