import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorCatalogue } from '../../src/errors/errorCatalogue.js';
import { loadConfigDir } from '../../src/config/loadConfigDir.js';
import { parseHaResources } from '../../src/config/parseHaResources.js';
import { parseHeartlineCf } from '../../src/config/parseHeartlineCf.js';
import { defaultOperationTimeouts } from '../../src/resources/OperationTimeouts.js';
import { resolveResourceTimeouts } from '../../src/resources/resolveResourceTimeouts.js';
import { fixtureCopy } from './fixtureDir.js';

const FILE = '/etc/ha.d/heartline.cf';

function issuesOf(text: string): string[] {
  return parseHeartlineCf(text, FILE).issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}`);
}

describe('heartline.cf: timeouts lines', () => {
  it('reads selector, start= and stop= with the units of monitor, beside monitor and metrics lines', () => {
    const { config, issues } = parseHeartlineCf(
      [
        'timeouts apache start=5min stop=90s   # apache flushes slowly',
        'monitor apache interval=5s',
        '  timeouts hlhang start=2s',
        'timeouts IPaddr::10.0.0.5/24 stop=1h',
        'timeouts mysql stop=1 start=3600',
        'metrics on',
      ].join('\n'),
      FILE,
    );
    assert.deepEqual(issues, []);
    assert.deepEqual(
      config.timeouts.map(({ where, ...rest }) => ({ line: where.line, column: where.column, ...rest })),
      [
        { line: 1, column: 10, selector: 'apache', startMs: 300_000, stopMs: 90_000 },
        { line: 3, column: 12, selector: 'hlhang', startMs: 2000 },
        { line: 4, column: 10, selector: 'IPaddr::10.0.0.5/24', stopMs: 3_600_000 },
        { line: 5, column: 10, selector: 'mysql', stopMs: 1000, startMs: 3_600_000 },
      ],
    );
    assert.deepEqual(config.monitors.map((m) => m.selector), ['apache']);
    assert.equal(config.metrics?.enabled, true);
    assert.deepEqual(parseHeartlineCf('monitor apache\n', FILE).config.timeouts, [], 'no timeouts line: none');
    const withParameter = parseHeartlineCf('timeouts apache::/etc/web.conf::port=8080 start=1min\n', FILE);
    assert.deepEqual(withParameter.issues, []);
    assert.equal(withParameter.config.timeouts[0]?.selector, 'apache::/etc/web.conf::port=8080', 'a resource with a name=value argument is a selector');
  });

  it('names file, line and column of every problem, with what is allowed', () => {
    assert.deepEqual(
      issuesOf(
        [
          'timeouts',
          'timeouts apache',
          'timeouts start=2s',
          'timeouts apache strat=2s on stop=0.5s',
          'timeouts mysql start=10ms stop=2h start=3s',
          'timeouts mysql status=5s start=fast',
          'timeout mysql start=2s',
        ].join('\n'),
      ),
      [
        "1:1 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE 'timeouts' needs a resource or resource type, then start=DURATION and/or stop=DURATION",
        "2:10 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE 'timeouts apache' sets nothing: add start=DURATION and/or stop=DURATION",
        "3:10 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE 'timeouts' needs a resource or resource type before start=2s",
        "4:17 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE 'strat=2s' is not a timeouts setting: give start=DURATION or stop=DURATION (did you mean 'start=...'?)",
        "4:26 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE 'on' is not a timeouts setting: give start=DURATION or stop=DURATION",
        '4:29 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE stop=0.5s: too short: the allowed range is 1s to 1h',
        '5:16 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE start=10ms: too short: the allowed range is 1s to 1h',
        '5:27 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE stop=2h: too long: the allowed range is 1s to 1h',
        '5:35 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE start=3s after start=10ms on the same line: keep one',
        "6:16 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE status=5s: a status check's timeout is monitor's: write 'monitor mysql timeout=5s'",
        '6:26 error HEARTLINE_CF_TIMEOUTS_BAD_VALUE start=fast: give a duration from 1s to 1h, such as 30s, 2min or 1h (a bare number is seconds)',
        "7:1 error HEARTLINE_CF_UNKNOWN_DIRECTIVE unknown directive 'timeout' (did you mean 'timeouts'?)",
      ],
    );
    const { config, issues } = parseHeartlineCf('timeouts apache start=2s stop=0\ntimeouts mysql stop=2min\n', FILE);
    assert.deepEqual(config.timeouts.map((t) => t.selector), ['mysql'], 'a line with an error is left out whole');
    assert.equal(issues[0]?.file, FILE);
    assert.equal(issues[0]?.hint, errorCatalogue.HEARTLINE_CF_TIMEOUTS_BAD_VALUE.hint);
    assert.match(issues[0]?.hint ?? '', /timeouts RESOURCE-OR-TYPE \[start=DURATION\] \[stop=DURATION\]/);
  });

  it('loads beside ha.cf, checked against haresources: unmatched selectors and duplicates per directive', async () => {
    const dir = fixtureCopy('seed-clearos', {
      'heartline.cf': 'monitor smbd\ntimeouts smbd start=5s\ntimeouts smdb stop=5s\ntimeouts smbd stop=1min\nmonitor nmbd\n',
    });
    const loaded = await loadConfigDir(dir);
    assert.equal(loaded.heartline.timeouts.length, 3);
    assert.deepEqual(
      loaded.issues.map((i) => `${i.file.slice(dir.length + 1)}:${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}`),
      [
        "heartline.cf:3:10 warning HEARTLINE_CF_UNMATCHED 'smdb' matches no resource and no resource type of haresources",
        "heartline.cf:4:10 warning HEARTLINE_CF_DUPLICATE 'smbd' is already set on line 2; this line's settings win",
      ],
      "a monitor line and a timeouts line for smbd are no duplicates",
    );
  });
});

describe('the timeouts of each resource', () => {
  const [group] = parseHaResources(
    'node1 10.0.0.5/24 apache::/etc/apache2/apache2.conf mysql hlhang\n',
    '/etc/ha.d/haresources',
    ['node1'],
  ).groups;
  const [vip, apache, mysql, hlhang] = group?.resources ?? [];

  it('without a timeouts line: the defaults, start and stop 120 s', () => {
    const expected = { startMs: 120_000, stopMs: 120_000, startOrigin: 'default', stopOrigin: 'default' };
    assert.deepEqual(resolveResourceTimeouts(mysql!, []), expected);
    assert.deepEqual([defaultOperationTimeouts.start, defaultOperationTimeouts.stop], [120_000, 120_000], 'the defaults did not change');
    assert.deepEqual(resolveResourceTimeouts(mysql!, [], { start: 7000, stop: 8000 }), { ...expected, startMs: 7000, stopMs: 8000 });
  });

  it('a type line, then a resource line, override key by key, each key naming its line', () => {
    const { config } = parseHeartlineCf(
      [
        'timeouts apache::/etc/apache2/apache2.conf start=10min',
        'timeouts apache start=5min stop=30s',
        'timeouts IPaddr stop=5s',
        'timeouts 10.0.0.5/24 start=3s',
        'timeouts hlhang start=2s',
      ].join('\n'),
      '/etc/ha.d/heartline.cf',
    );
    assert.deepEqual(resolveResourceTimeouts(apache!, config.timeouts), { startMs: 600_000, stopMs: 30_000, startOrigin: 'heartline.cf:1', stopOrigin: 'heartline.cf:2' }, 'the resource line wins over the later type line');
    assert.deepEqual(resolveResourceTimeouts(vip!, config.timeouts), { startMs: 3000, stopMs: 5000, startOrigin: 'heartline.cf:4', stopOrigin: 'heartline.cf:3' });
    assert.deepEqual(resolveResourceTimeouts(hlhang!, config.timeouts), { startMs: 2000, stopMs: 120_000, startOrigin: 'heartline.cf:5', stopOrigin: 'default' });
    assert.deepEqual(resolveResourceTimeouts(mysql!, config.timeouts), { startMs: 120_000, stopMs: 120_000, startOrigin: 'default', stopOrigin: 'default' });
  });

  it('two lines for the same selector: the later wins, key by key', () => {
    const { config } = parseHeartlineCf('timeouts mysql start=1min stop=2min\ntimeouts mysql start=3min\n', FILE);
    assert.deepEqual(resolveResourceTimeouts(mysql!, config.timeouts), { startMs: 180_000, stopMs: 120_000, startOrigin: 'heartline.cf:2', stopOrigin: 'heartline.cf:1' });
  });
});
