import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHeartlineCf } from '../../src/config/parseHeartlineCf.js';

const FILE = '/etc/ha.d/heartline.cf';

function metricsOf(text: string) {
  const { config, issues } = parseHeartlineCf(text, FILE);
  assert.deepEqual(issues, [], text);
  const m = config.metrics;
  return m === undefined ? undefined : { enabled: m.enabled, host: m.host, port: m.port, remote: m.remote, line: m.where.line };
}

function issuesOf(text: string): string[] {
  return parseHeartlineCf(text, FILE).issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}`);
}

describe('heartline.cf: the metrics line', () => {
  it('is off without the line; on at 127.0.0.1:9694 by default; listen takes a port, an address and port, or [IPv6]:port', () => {
    assert.equal(parseHeartlineCf('monitor apache\n', FILE).config.metrics, undefined);
    assert.deepEqual(metricsOf('metrics on\n'), { enabled: true, host: '127.0.0.1', port: 9694, remote: false, line: 1 });
    assert.deepEqual(metricsOf('# Heartline\nmetrics   # bare: on\n'), { enabled: true, host: '127.0.0.1', port: 9694, remote: false, line: 2 });
    assert.deepEqual(metricsOf('metrics off\n'), { enabled: false, host: '127.0.0.1', port: 9694, remote: false, line: 1 });
    assert.deepEqual(metricsOf('metrics listen=9100\n'), { enabled: true, host: '127.0.0.1', port: 9100, remote: false, line: 1 });
    assert.deepEqual(metricsOf('metrics on listen=127.0.0.2:9100\n'), { enabled: true, host: '127.0.0.2', port: 9100, remote: false, line: 1 });
    assert.deepEqual(metricsOf('metrics listen=[::1]:9694\n'), { enabled: true, host: '::1', port: 9694, remote: false, line: 1 });
    assert.deepEqual(metricsOf('metrics listen=10.0.0.2:9694 remote=yes\n'), { enabled: true, host: '10.0.0.2', port: 9694, remote: true, line: 1 });
    assert.deepEqual(metricsOf('metrics remote=yes listen=0.0.0.0:9694\n'), { enabled: true, host: '0.0.0.0', port: 9694, remote: true, line: 1 });
    assert.deepEqual(metricsOf('metrics listen=[fd00::2]:9694 remote=yes\n'), { enabled: true, host: 'fd00::2', port: 9694, remote: true, line: 1 });
    // monitor lines are read as before beside it.
    const both = parseHeartlineCf('monitor apache interval=5s\nmetrics on\nmonitor mysql\n', FILE).config;
    assert.deepEqual(both.monitors.map((m) => m.selector), ['apache', 'mysql']);
    assert.equal(both.metrics?.where.line, 2);
  });

  it('refuses a non-loopback address without remote=yes, naming the risk', () => {
    assert.deepEqual(issuesOf('metrics listen=10.0.0.2:9694\nmetrics2 on\n'), [
      "1:9 error HEARTLINE_CF_METRICS_NOT_LOOPBACK listen=10.0.0.2:9694: 10.0.0.2 is not a loopback address, and the endpoint has no password: anyone who reaches it reads the cluster's state",
      "2:1 error HEARTLINE_CF_UNKNOWN_DIRECTIVE unknown directive 'metrics2' (did you mean 'metrics'?)",
    ]);
    for (const listen of ['0.0.0.0:9694', '[::]:9694', '[fd00::2]:9694', '192.168.1.5:80']) {
      assert.deepEqual(issuesOf(`metrics listen=${listen} remote=no\n`).map((i) => i.split(' ')[2]), ['HEARTLINE_CF_METRICS_NOT_LOOPBACK'], listen);
    }
    assert.equal(parseHeartlineCf('metrics listen=10.0.0.2:9694\n', FILE).config.metrics, undefined, 'a refused line is left out');
    const [issue] = parseHeartlineCf('metrics listen=10.0.0.2:9694\n', FILE).issues;
    assert.match(issue?.hint ?? '', /remote=yes/);
  });

  it('names file, line and column of every mistake, with a fix', () => {
    assert.deepEqual(issuesOf('metric on\nmetrics lisen=9100 on off\nmetrics listen=localhost:9694 remote=maybe\n'), [
      "1:1 error HEARTLINE_CF_UNKNOWN_DIRECTIVE unknown directive 'metric' (did you mean 'metrics'?)",
      "2:1 error HEARTLINE_CF_METRICS_BAD_VALUE 'off' turns the metrics endpoint off: drop the other settings of this line or the 'off'",
      "2:9 error HEARTLINE_CF_METRICS_BAD_VALUE 'lisen=9100' is not a metrics setting (did you mean 'listen=...'?)",
      "2:23 error HEARTLINE_CF_METRICS_BAD_VALUE 'off' after 'on' on the same line",
      "3:9 error HEARTLINE_CF_METRICS_BAD_VALUE listen=localhost:9694: 'localhost' is not an IP address (names are not looked up): give the address itself, e.g. 127.0.0.1",
      '3:31 error HEARTLINE_CF_METRICS_BAD_VALUE remote=maybe: give yes or no',
    ]);
    const cases: Array<[string, string]> = [
      ['listen=70000', 'listen=70000: the port is from 1 to 65535'],
      ['listen=0', 'listen=0: the port is from 1 to 65535'],
      ['listen=:9694', 'listen=:9694: give the address before the colon, or the port alone for 127.0.0.1'],
      ['listen=[127.0.0.1]:9694', 'listen=[127.0.0.1]:9694: brackets are for IPv6 addresses only'],
      ['listen=::1:9694', 'listen=::1:9694: give PORT, ADDRESS:PORT or [IPv6-ADDRESS]:PORT, e.g. listen=127.0.0.1:9694'],
      ['listen=127.0.0.1', 'listen=127.0.0.1: give PORT, ADDRESS:PORT or [IPv6-ADDRESS]:PORT, e.g. listen=127.0.0.1:9694'],
      ['off listen=9100', "'off' turns the metrics endpoint off: drop the other settings of this line or the 'off'"],
    ];
    for (const [words, message] of cases) {
      assert.deepEqual(issuesOf(`metrics ${words}\n`).map((i) => i.replace(/^\d+:\d+ error HEARTLINE_CF_METRICS_BAD_VALUE /, '')), [message], words);
    }
    assert.deepEqual(issuesOf('metrics on\n\nmetrics listen=9100\n'), [
      "3:1 error HEARTLINE_CF_METRICS_BAD_VALUE a second 'metrics' line (line 1 already sets the endpoint): keep one",
    ]);
    assert.equal(parseHeartlineCf('metrics on\nmetrics listen=9100\n', FILE).config.metrics?.port, 9694, 'the first line stays');
  });
});
