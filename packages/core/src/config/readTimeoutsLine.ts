import type { HaCfWord } from './HaCfWord.js';
import type { TimeoutRule } from './HeartlineCf.js';
import type { HeartlineCfLine } from './HeartlineCfLine.js';
import { closestWord } from './closestWord.js';
import { parseDuration } from './parseDuration.js';

const TIMEOUT_KEYS = ['start', 'stop'] as const;
type TimeoutKey = (typeof TIMEOUT_KEYS)[number];

/** Below a second even a healthy init script is killed half way; above an hour a hang holds the cluster too long. */
const MIN_OPERATION_TIMEOUT_MS = 1000;
const MAX_OPERATION_TIMEOUT_MS = 3_600_000;

/**
 * Reads `timeouts SELECTOR [start=T] [stop=T]`. The selector is a resource as written in
 * haresources or a resource type, as for `monitor`. The status timeout is not here: a check's is
 * `monitor`'s `timeout=`, so `status=` is refused with a pointer there.
 */
export function readTimeoutsLine(at: HeartlineCfLine): TimeoutRule | undefined {
  const [selector, ...settings] = at.values;
  const code = 'HEARTLINE_CF_TIMEOUTS_BAD_VALUE';
  if (selector === undefined) {
    at.issues.error(at.line, at.directive.column, code, "'timeouts' needs a resource or resource type, then start=DURATION and/or stop=DURATION");
    return undefined;
  }
  // A resource may hold a `=` (`Type::path::name=value`); a setting where the selector goes may not.
  if (/^(start|stop|status)=/.test(selector.text)) {
    at.issues.error(at.line, selector.column, code, `'timeouts' needs a resource or resource type before ${selector.text}`);
    return undefined;
  }
  const rule: { -readonly [K in keyof TimeoutRule]: TimeoutRule[K] } = {
    selector: selector.text,
    where: { file: at.file, line: at.line, column: selector.column },
  };
  let ok = true;
  const bad = (word: HaCfWord, message: string): void => {
    at.issues.error(at.line, word.column, code, message);
    ok = false;
  };
  if (settings.length === 0) bad(selector, `'timeouts ${selector.text}' sets nothing: add start=DURATION and/or stop=DURATION`);
  const seen = new Map<TimeoutKey, string>();
  for (const word of settings) {
    const eq = word.text.indexOf('=');
    const key = word.text.slice(0, eq < 0 ? word.text.length : eq);
    const value = word.text.slice(eq + 1);
    if (eq >= 0 && key === 'status') {
      bad(word, `${word.text}: a status check's timeout is monitor's: write 'monitor ${selector.text} timeout=${value}'`);
      continue;
    }
    if (eq < 0 || !(TIMEOUT_KEYS as readonly string[]).includes(key)) {
      const guess = closestWord(key, TIMEOUT_KEYS);
      bad(word, `'${word.text}' is not a timeouts setting: give start=DURATION or stop=DURATION${guess === undefined ? '' : ` (did you mean '${guess}=...'?)`}`);
      continue;
    }
    const timeoutKey = key as TimeoutKey;
    const earlier = seen.get(timeoutKey);
    if (earlier !== undefined) {
      bad(word, `${word.text} after ${earlier} on the same line: keep one`);
      continue;
    }
    seen.set(timeoutKey, word.text);
    const ms = parseDuration(value);
    if (ms === undefined) {
      bad(word, `${word.text}: give a duration from 1s to 1h, such as 30s, 2min or 1h (a bare number is seconds)`);
      continue;
    }
    if (ms < MIN_OPERATION_TIMEOUT_MS || ms > MAX_OPERATION_TIMEOUT_MS) {
      bad(word, `${word.text}: ${ms < MIN_OPERATION_TIMEOUT_MS ? 'too short' : 'too long'}: the allowed range is 1s to 1h`);
      continue;
    }
    if (timeoutKey === 'start') rule.startMs = ms;
    else rule.stopMs = ms;
  }
  return ok ? rule : undefined;
}
