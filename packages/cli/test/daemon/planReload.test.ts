import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthKeys, parseHaCf, parseHaResources, type HeartlineCf, type PluginDescriptor } from '@heartline/core';
import { planReload } from '../../src/daemon/reload/planReload.js';
import { formatReloadChange } from '../../src/daemon/reload/formatReloadChange.js';
import { formatReloadSummary } from '../../src/daemon/reload/formatReloadSummary.js';
import { directiveLines } from '../../src/daemon/reload/directiveLines.js';
import type { RunningConfig } from '../../src/daemon/reload/RunningConfig.js';

const files = { haCf: '/etc/ha.d/ha.cf', haresources: '/etc/ha.d/haresources', authkeys: '/etc/ha.d/authkeys', heartline: '/etc/ha.d/heartline.cf' };

const baseHaCf = [
  'logfile /var/log/ha-log',
  'keepalive 1',
  'deadtime 10',
  'initdead 30',
  'udpport 694',
  'bcast eth0',
  'auto_failback on',
  'node node1',
  'node node2',
].join('\n');

function config(
  haCfText: string,
  options: { authkeys?: string; haresources?: string; heartline?: HeartlineCf; plugins?: PluginDescriptor[] } = {},
): RunningConfig {
  const { config: haCf, issues } = parseHaCf(haCfText, files.haCf);
  const errors = issues.filter((i) => i.severity === 'error');
  assert.deepEqual(errors, [], 'the test configuration is valid');
  const { keys } = parseAuthKeys(options.authkeys ?? 'auth 1\n1 sha1 old-key\n', files.authkeys);
  assert.ok(keys !== undefined);
  const { groups } = parseHaResources(options.haresources ?? 'node1 10.0.0.5 apache2\n', files.haresources, haCf.nodes);
  return {
    haCf,
    haCfText,
    files,
    groups,
    authKeys: keys,
    heartline: options.heartline ?? { monitors: [], timeouts: [] },
    plugins: options.plugins ?? [],
  };
}

const edit = (text: string, from: string, to: string): string => {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
};

describe('planReload: what a reload applies and what it refuses', () => {
  it('an identical configuration changes nothing', () => {
    const plan = planReload(config(baseHaCf), config(baseHaCf));
    assert.deepEqual(plan.changes, []);
    assert.equal(formatReloadSummary(plan.changes), 'Reload: nothing changed');
    assert.deepEqual([plan.retime, plan.relog, plan.rekey], [false, false, false]);
  });

  it('comments, blank lines and moved lines are no change', () => {
    const reordered = `# a comment\n\n${baseHaCf.replace('logfile /var/log/ha-log\n', '')}\nlogfile /var/log/ha-log   # same target\n`;
    const plan = planReload(config(baseHaCf), config(reordered));
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.next.haCfText, reordered, 'lines are looked up in the file as it is now');
  });

  it('applies keepalive and deadtime (warntime, computed from deadtime, follows) and retimes membership', () => {
    const now = edit(edit(baseHaCf, 'keepalive 1', 'keepalive 500ms'), 'deadtime 10', 'deadtime 15');
    const plan = planReload(config(baseHaCf), config(now));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome, c.detail, c.where?.line]),
      [
        ['keepalive', 'applied', '1000 ms -> 500 ms', 2],
        ['deadtime', 'applied', '10000 ms -> 15000 ms', 3],
        ['warntime', 'applied', '5000 ms -> 7500 ms', undefined],
      ],
    );
    assert.equal(plan.retime, true);
    assert.equal(plan.next.haCf.keepaliveMs, 500);
    assert.equal(plan.next.haCf.deadtimeMs, 15000);
    assert.equal(plan.next.haCf.initdeadMs, 30000, 'initdead as written');
    assert.equal(formatReloadSummary(plan.changes), 'Reload: applied keepalive, deadtime, warntime');
  });

  it('applies log settings by making the sinks anew', () => {
    const now = `${edit(baseHaCf, 'logfile /var/log/ha-log', 'logfile /var/log/other-log')}\ndebugfile /var/log/ha-debug\ndebug 1\nlogfacility local0\n`;
    const plan = planReload(config(baseHaCf), config(now));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome]),
      [
        ['logfile', 'applied'],
        ['debugfile', 'applied'],
        ['logfacility', 'applied'],
        ['debug', 'applied'],
      ],
    );
    assert.deepEqual([plan.relog, plan.retime, plan.rekey], [true, false, false]);
    assert.equal(plan.next.haCf.logfile, '/var/log/other-log');
    assert.equal(plan.next.haCf.debug, 1);
  });

  it('applies a rotated authkeys without ever printing a key', () => {
    const plan = planReload(config(baseHaCf), config(baseHaCf, { authkeys: 'auth 2\n1 sha1 old-key\n2 sha1 new-key\n' }));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome, c.detail]),
      [['authkeys', 'applied', 'signing with slot 2 (was 1), accepting slots 1, 2']],
    );
    assert.equal(plan.rekey, true);
    assert.equal(plan.next.authKeys.activeSlot, 2);
    assert.ok(!formatReloadChange(plan.changes[0]!).includes('new-key'));
  });

  it('refuses a changed node list with its line, and keeps the old one running', () => {
    const now = `${baseHaCf}\nnode node3`;
    const plan = planReload(config(baseHaCf), config(now));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome, c.where]),
      [['node', 'refused', { file: files.haCf, line: 8 }]],
    );
    assert.deepEqual(plan.next.haCf.nodes, ['node1', 'node2']);
    assert.equal(
      formatReloadChange(plan.changes[0]!),
      'Reload: refused node (/etc/ha.d/ha.cf:8): the cluster membership is built from it at start; needs a restart: ha stop/start (RELOAD_NEEDS_RESTART)',
    );
    assert.equal(formatReloadSummary(plan.changes), 'Reload: refused node (needs a restart)');
  });

  it('refuses media, udpport and auto_failback one directive each, and applies the rest beside them', () => {
    const now = edit(edit(edit(edit(baseHaCf, 'bcast eth0', 'bcast eth1\nucast eth0 10.0.0.2'), 'udpport 694', 'udpport 695'), 'auto_failback on', 'auto_failback off'), 'keepalive 1', 'keepalive 2');
    const plan = planReload(config(baseHaCf), config(now));
    const byDirective = Object.fromEntries(plan.changes.map((c) => [c.directive, [c.outcome, c.where?.line]]));
    assert.deepEqual(byDirective, {
      keepalive: ['applied', 2],
      udpport: ['refused', 5],
      bcast: ['refused', 6],
      ucast: ['refused', 7],
      auto_failback: ['refused', 8],
    });
    assert.equal(plan.next.haCf.keepaliveMs, 2000);
    assert.equal(plan.next.haCf.udpport, 694);
    assert.equal(plan.next.haCf.autoFailback, 'on');
    assert.deepEqual(plan.next.haCf.media.map((m) => m.kind), ['bcast']);
    assert.equal(formatReloadSummary(plan.changes), 'Reload: applied keepalive; refused udpport, bcast, ucast, auto_failback (needs a restart)');
  });

  it('notes directives nothing runs on while the node runs, and keeps them for its next start', () => {
    const now = edit(baseHaCf, 'initdead 30', 'initdead 60\nrealtime off');
    const plan = planReload(config(baseHaCf), config(now));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome]),
      [
        ['initdead', 'noted'],
        ['realtime', 'noted'],
      ],
    );
    assert.equal(plan.next.haCf.initdeadMs, 60000);
    assert.equal(formatReloadSummary(plan.changes), 'Reload: noted initdead, realtime (no effect while running)');
  });

  it('refuses haresources changes with the line of the first changed group', () => {
    const plan = planReload(config(baseHaCf), config(baseHaCf, { haresources: 'node1 10.0.0.5 apache2\nnode2 10.0.0.6\n' }));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome, c.where]),
      [['haresources', 'refused', { file: files.haresources, line: 2 }]],
    );
    assert.equal(plan.next.groups.length, 1);
  });

  it('refuses monitor rules and a changed plugin list', () => {
    const monitor = { selector: 'apache2', intervalMs: 5000, where: { file: files.heartline, line: 3, column: 1 } };
    const plugin: PluginDescriptor = { packageName: '@acme/agent-x', packageRoot: '/opt/x', manifest: { apiVersion: 1 } };
    const plan = planReload(config(baseHaCf), config(baseHaCf, { heartline: { monitors: [monitor], timeouts: [] }, plugins: [plugin] }));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome, c.where?.line]),
      [
        ['monitor', 'refused', 3],
        ['plugins', 'refused', undefined],
      ],
    );
    assert.match(plan.changes[1]!.detail, /now installed: @acme\/agent-x/);
    assert.deepEqual(plan.next.plugins, []);
    assert.deepEqual(plan.next.heartline.monitors, []);
  });

  it('refuses changed timeouts lines, as monitor lines, with the line of the first one changed (or removed)', () => {
    const at = (line: number) => ({ file: files.heartline, line, column: 10 });
    const running = { monitors: [], timeouts: [{ selector: 'apache2', startMs: 5000, where: at(1) }] };
    const same = planReload(config(baseHaCf, { heartline: running }), config(baseHaCf, { heartline: { monitors: [], timeouts: [{ selector: 'apache2', startMs: 5000, where: at(7) }] } }));
    assert.deepEqual(same.changes, [], 'a moved line is no change');

    const loaded = { monitors: [], timeouts: [{ selector: 'apache2', startMs: 5000, where: at(1) }, { selector: 'apache2', stopMs: 9000, where: at(2) }] };
    const plan = planReload(config(baseHaCf, { heartline: running }), config(baseHaCf, { heartline: loaded }));
    assert.deepEqual(
      plan.changes.map((c) => [c.directive, c.outcome, c.where?.line]),
      [['timeouts', 'refused', 2]],
    );
    assert.equal(formatReloadChange(plan.changes[0]!), `Reload: refused timeouts (${files.heartline}:2): resource operation timeouts are read from heartline.cf at start; needs a restart: ha stop/start (RELOAD_NEEDS_RESTART)`);
    assert.deepEqual(plan.next.heartline.timeouts, running.timeouts, 'the running timeouts stay');

    const removed = planReload(config(baseHaCf, { heartline: running }), config(baseHaCf));
    assert.deepEqual(removed.changes.map((c) => [c.directive, c.outcome, c.where?.line]), [['timeouts', 'refused', 1]]);
  });

  it('a summary names each directive once per outcome, in order', () => {
    const summary = formatReloadSummary([
      { directive: 'keepalive', outcome: 'applied', detail: '', where: undefined },
      { directive: 'deadtime', outcome: 'applied', detail: '', where: undefined },
      { directive: 'node', outcome: 'refused', detail: '', where: undefined },
      { directive: 'ucast', outcome: 'refused', detail: '', where: undefined },
      { directive: 'ucast', outcome: 'refused', detail: '', where: undefined },
    ]);
    assert.equal(summary, 'Reload: applied keepalive, deadtime; refused node, ucast (needs a restart)');
  });

  it('directiveLines: first line of each directive, comments and the udp alias as the parser reads them', () => {
    const lines = directiveLines('# node x\n  keepalive 2 # node y\n\nudp eth0\nnode a\nnode b\n');
    assert.deepEqual([...lines], [['keepalive', 2], ['bcast', 4], ['node', 5]]);
  });
});
