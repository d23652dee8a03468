import { BlockList, isIP } from 'node:net';
import type { HaCfWord } from './HaCfWord.js';
import type { MetricsSettings } from './HeartlineCf.js';
import type { HeartlineCfLine } from './HeartlineCfLine.js';
import { closestWord } from './closestWord.js';
import { parseHeartbeatBoolean } from './parseHeartbeatBoolean.js';

const METRICS_KEYS = ['listen', 'remote'] as const;
/** `metrics on` alone: the loopback address, so nothing leaves the machine unless asked. */
const DEFAULT_HOST = '127.0.0.1';
/** heartbeat's udpport 694 with a 9 in front, in the range Prometheus exporters use. */
const DEFAULT_PORT = 9694;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * Reads `metrics [on|off] [listen=[ADDRESS:]PORT] [remote=yes|no]`. A non-loopback address needs
 * `remote=yes`: the endpoint has no password, and what it serves (node names, addresses of the
 * VIPs, paths of configurations) is for the admins' eyes. `previous` is the settings of an
 * earlier `metrics` line, which a second one may not change.
 */
export function readMetricsLine(at: HeartlineCfLine, previous: MetricsSettings | undefined): MetricsSettings | undefined {
  if (previous !== undefined) {
    at.issues.error(at.line, at.directive.column, 'HEARTLINE_CF_METRICS_BAD_VALUE', `a second 'metrics' line (line ${previous.where.line} already sets the endpoint): keep one`);
    return undefined;
  }
  let ok = true;
  const bad = (word: HaCfWord, message: string): void => {
    at.issues.error(at.line, word.column, 'HEARTLINE_CF_METRICS_BAD_VALUE', message);
    ok = false;
  };
  let enabled: boolean | undefined;
  let listen: { readonly word: HaCfWord; readonly host: string; readonly port: number } | undefined;
  let remote = false;
  for (const word of at.values) {
    if (word.text === 'on' || word.text === 'off') {
      if (enabled !== undefined) bad(word, `'${word.text}' after '${enabled ? 'on' : 'off'}' on the same line`);
      enabled = word.text === 'on';
      continue;
    }
    const eq = word.text.indexOf('=');
    const key = word.text.slice(0, eq < 0 ? word.text.length : eq);
    const value = word.text.slice(eq + 1);
    if (eq < 0 || !(METRICS_KEYS as readonly string[]).includes(key)) {
      const guess = closestWord(key, METRICS_KEYS);
      bad(word, `'${word.text}' is not a metrics setting${guess === undefined ? '' : ` (did you mean '${guess}=...'?)`}`);
    } else if (key === 'remote') {
      const yes = parseHeartbeatBoolean(value);
      if (yes === undefined) bad(word, `remote=${value}: give yes or no`);
      else remote = yes;
    } else {
      const parsed = parseListen(value);
      if (typeof parsed === 'string') bad(word, parsed);
      else listen = { word, ...parsed };
    }
  }
  if (enabled === false && at.values.length > 1) {
    bad(at.directive, "'off' turns the metrics endpoint off: drop the other settings of this line or the 'off'");
  }
  const host = listen?.host ?? DEFAULT_HOST;
  if (listen !== undefined && !remote && !loopback.check(host, isIP(host) === 6 ? 'ipv6' : 'ipv4')) {
    at.issues.error(
      at.line,
      listen.word.column,
      'HEARTLINE_CF_METRICS_NOT_LOOPBACK',
      `${listen.word.text}: ${host} is not a loopback address, and the endpoint has no password: anyone who reaches it reads the cluster's state`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return {
    enabled: enabled !== false,
    host,
    port: listen?.port ?? DEFAULT_PORT,
    remote,
    where: { file: at.file, line: at.line, column: at.directive.column },
  };
}

/** `PORT`, `ADDRESS:PORT` or `[IPv6]:PORT`; a string says what is wrong. */
function parseListen(value: string): { host: string; port: number } | string {
  const form = /^(?:\[([^\]]*)\]:|([^:[\]]*):)?(\d+)$/.exec(value);
  if (form === null) return `listen=${value}: give PORT, ADDRESS:PORT or [IPv6-ADDRESS]:PORT, e.g. listen=127.0.0.1:${DEFAULT_PORT}`;
  const host = form[1] ?? form[2] ?? DEFAULT_HOST;
  const port = Number(form[3]);
  if (host === '') return `listen=${value}: give the address before the colon, or the port alone for ${DEFAULT_HOST}`;
  if (isIP(host) === 0) return `listen=${value}: '${host}' is not an IP address (names are not looked up): give the address itself, e.g. 127.0.0.1`;
  if (form[1] !== undefined && isIP(host) !== 6) return `listen=${value}: brackets are for IPv6 addresses only`;
  if (port < 1 || port > 65535) return `listen=${value}: the port is from 1 to 65535`;
  return { host, port };
}
