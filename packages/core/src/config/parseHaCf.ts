import type { ConfigIssue } from './ConfigIssue.js';
import type { HaCf } from './HaCf.js';
import { haCfDirectives } from './haCfDirectives.js';
import { HaCfState } from './HaCfState.js';
import { finishHaCf } from './finishHaCf.js';
import { closestWord } from './closestWord.js';
import { sortIssues } from './sortIssues.js';
import { DELIMS, splitWords, WHITESPACE } from './splitWords.js';

export interface HaCfParseResult {
  /** Always filled: directives that failed keep heartbeat's defaults. */
  readonly config: HaCf;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Reads ha.cf as heartbeat 3.0.6's `parse_config` + `init_config` do: directives applied top to
 * bottom, `#` comments anywhere, values split on blanks and commas (whole-line directives on blanks),
 * then the defaults and cross-checks. Every problem is reported, not just the first.
 */
export function parseHaCf(text: string, file: string): HaCfParseResult {
  const state = new HaCfState(file);
  text.split('\n').forEach((raw, index) => {
    state.line = index + 1;
    readLine(state, raw);
  });
  const config = finishHaCf(state);
  return { config, issues: sortIssues(state.issues.items) };
}

function skip(text: string, from: number, chars: string): number {
  let i = from;
  while (i < text.length && chars.includes(text.charAt(i))) i++;
  return i;
}

function readLine(state: HaCfState, raw: string): void {
  const start = skip(raw, 0, WHITESPACE);
  let end = raw.length;
  for (const stop of ['#', '\r']) {
    const at = raw.indexOf(stop, start);
    if (at >= 0 && at < end) end = at;
  }
  const body = raw.slice(0, end);
  if (start >= body.length) return;

  let directiveEnd = start;
  while (directiveEnd < body.length && !WHITESPACE.includes(body.charAt(directiveEnd))) directiveEnd++;
  let name = body.slice(start, directiveEnd);
  const column = start + 1;
  if (name === 'udp') {
    state.warning(column, 'CONFIG_UDP_ALIAS', "directive 'udp' is read as 'bcast'");
    name = 'bcast';
  }
  const directive = haCfDirectives.get(name);
  if (directive === undefined) {
    const guess = closestWord(name, [...haCfDirectives.keys()]);
    state.error(
      column,
      'CONFIG_UNKNOWN_DIRECTIVE',
      `unknown directive '${name}'`,
      guess === undefined ? undefined : `Did you mean '${guess}'? docs/configuration.md lists every directive.`,
    );
    return;
  }
  if (directive.support === 'ignored') {
    state.warning(column, 'CONFIG_IGNORED_DIRECTIVE', `'${name}' has no effect in Heartline: ${directive.note}`);
  }

  const valueStart = skip(body, directiveEnd, DELIMS);
  if (directive.form === 'line') {
    directive.set(state, { text: body.slice(valueStart).trimEnd(), column: valueStart + 1 });
    return;
  }
  const values = splitWords(body.slice(valueStart), valueStart + 1, DELIMS);
  if (values.length === 0) {
    state.warning(column, 'CONFIG_MISSING_VALUE', `'${name}' has no value; heartbeat ignores the line`);
  }
  for (const value of values) {
    if (directive.set(state, value) && directive.recorded) state.recorded.set(name, value.text);
  }
}
