import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHaResources } from '../../src/config/parseHaResources.js';
import { parseHeartlineCf } from '../../src/config/parseHeartlineCf.js';
import { loadConfigDir } from '../../src/config/loadConfigDir.js';
import { parseDuration } from '../../src/config/parseDuration.js';
import { resolveMonitorSpec } from '../../src/monitor/resolveMonitorSpec.js';
import { RestartBudget } from '../../src/monitor/RestartBudget.js';
import { fixtureCopy } from './fixtureDir.js';

const FILE = '/etc/ha.d/heartline.cf';

function issuesOf(text: string): string[] {
  return parseHeartlineCf(text, FILE).issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}`);
}

describe('heartline.cf', () => {
  it('reads monitor lines: selector, on/off, durations with units, comments anywhere', () => {
    const { config, issues } = parseHeartlineCf(
      [
        '# Heartline only',
        'monitor apache interval=5s timeout=2500ms restarts=2 window=30min  # web',
        '  monitor mysql',
        'monitor IPaddr::10.0.0.5/24 off',
        'monitor httpd interval=0',
        'monitor OCF timeout=1.5 window=2h',
        '',
      ].join('\n'),
      FILE,
    );
    assert.deepEqual(issues, []);
    assert.deepEqual(
      config.monitors.map(({ where, ...rest }) => ({ line: where.line, column: where.column, ...rest })),
      [
        { line: 2, column: 9, selector: 'apache', intervalMs: 5000, timeoutMs: 2500, restarts: 2, windowMs: 1_800_000, enabled: true },
        { line: 3, column: 11, selector: 'mysql', enabled: true },
        { line: 4, column: 9, selector: 'IPaddr::10.0.0.5/24', enabled: false },
        { line: 5, column: 9, selector: 'httpd', intervalMs: 0, enabled: false },
        { line: 6, column: 9, selector: 'OCF', timeoutMs: 1500, windowMs: 7_200_000, enabled: true },
      ],
    );
  });

  it('names file, line and column of every problem, with a fix', () => {
    assert.deepEqual(issuesOf('monitr apache\nmonitor\nmonitor apache intervl=5s restarts=-1 timeout=5x\nmonitor mysql off interval=5s\nmonitor x interval=10ms window=500ms on off\n'), [
      "1:1 error HEARTLINE_CF_UNKNOWN_DIRECTIVE unknown directive 'monitr' (did you mean 'monitor'?)",
      "2:1 error HEARTLINE_CF_BAD_VALUE 'monitor' needs a resource or resource type",
      "3:16 error HEARTLINE_CF_BAD_VALUE 'intervl=5s' is not a monitor setting (did you mean 'interval=...'?)",
      '3:27 error HEARTLINE_CF_BAD_VALUE restarts=-1: give a whole number from 0 to 1000',
      '3:39 error HEARTLINE_CF_BAD_VALUE timeout=5x: give a duration such as 10s, 500ms, 2min or 1h (a bare number is seconds)',
      "4:9 error HEARTLINE_CF_BAD_VALUE 'off' turns monitoring of mysql off: drop the other settings of this line or the 'off'",
      "5:9 error HEARTLINE_CF_BAD_VALUE 'off' turns monitoring of x off: drop the other settings of this line or the 'off'",
      '5:11 error HEARTLINE_CF_BAD_VALUE interval=10ms: at least 100ms (0 turns monitoring off)',
      '5:25 error HEARTLINE_CF_BAD_VALUE window=500ms: at least 1s',
      "5:41 error HEARTLINE_CF_BAD_VALUE 'off' after 'on' on the same line",
    ]);
    const [first] = parseHeartlineCf('monitr x\n', FILE).issues;
    assert.equal(first?.file, FILE);
    assert.match(first?.hint ?? '', /monitor/);
  });

  it('durations: bare seconds as in ha.cf, or ms, s, min, h', () => {
    assert.deepEqual(['10', '0.5', '250ms', '3s', '2min', '2m', '1h', '1d', 's', '-1'].map(parseDuration), [10_000, 500, 250, 3000, 120_000, 120_000, 3_600_000, undefined, undefined, undefined]);
  });

  it('loads beside ha.cf: optional, and checked against haresources (unknown selectors, duplicates)', async () => {
    const without = await loadConfigDir(fixtureCopy('seed-apache'));
    assert.deepEqual(without.heartline.monitors, []);
    assert.deepEqual(without.issues, []);

    const dir = fixtureCopy('seed-apache', { 'heartline.cf': 'monitor apache2 interval=5s\nmonitor apache interval=5s\nmonitor apache2 restarts=1\n' });
    const loaded = await loadConfigDir(dir);
    assert.equal(loaded.files.heartline, `${dir}/heartline.cf`);
    assert.equal(loaded.heartline.monitors.length, 3);
    assert.deepEqual(
      loaded.issues.map((i) => `${i.file.slice(dir.length + 1)}:${i.line} ${i.severity} ${i.code} ${i.message}`),
      [
        "heartline.cf:2 warning HEARTLINE_CF_UNMATCHED 'apache' matches no resource and no resource type of haresources",
        "heartline.cf:3 warning HEARTLINE_CF_DUPLICATE 'apache2' is already set on line 1; this line's settings win",
      ],
    );
  });
});

describe('which resources are monitored, and how', () => {
  const [group] = parseHaResources('node1 10.0.0.5/24 apache::/etc/apache2/apache2.conf mysql\n', '/etc/ha.d/haresources', ['node1']).groups;
  const [vip, apache, mysql] = group?.resources ?? [];

  it('without heartline.cf the agent decides, with the defaults', () => {
    assert.deepEqual(resolveMonitorSpec(vip!, [], true), { intervalMs: 10_000, timeoutMs: 20_000, restarts: 3, windowMs: 600_000, origin: 'agent default' });
    assert.equal(resolveMonitorSpec(mysql!, [], false), undefined);
  });

  it('a type line, then a resource line, override key by key', () => {
    const { config } = parseHeartlineCf(
      'monitor apache interval=5s restarts=1\nmonitor apache::/etc/apache2/apache2.conf timeout=3s\nmonitor mysql\nmonitor 10.0.0.5/24 off\n',
      FILE,
    );
    assert.deepEqual(resolveMonitorSpec(apache!, config.monitors, true), { intervalMs: 5000, timeoutMs: 3000, restarts: 1, windowMs: 600_000, origin: 'heartline.cf:2' });
    assert.deepEqual(resolveMonitorSpec(mysql!, config.monitors, false), { intervalMs: 10_000, timeoutMs: 20_000, restarts: 3, windowMs: 600_000, origin: 'heartline.cf:3' });
    assert.equal(resolveMonitorSpec(vip!, config.monitors, true), undefined, 'the VIP written as in haresources');
  });

  it('the restart budget slides with its window', () => {
    const budget = new RestartBudget();
    budget.record(0);
    budget.record(1000);
    assert.equal(budget.allows(1500, 10_000, 2), false);
    assert.equal(budget.used(10_500, 10_000), 1);
    assert.equal(budget.allows(10_500, 10_000, 2), true);
  });
});
