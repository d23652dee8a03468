import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAuthKeys, parseHaCf, parseHeartlineCf, type HeartlineCf } from '@heartline/core';
import { planReload } from '../../src/daemon/reload/planReload.js';
import { formatReloadChange } from '../../src/daemon/reload/formatReloadChange.js';
import type { RunningConfig } from '../../src/daemon/reload/RunningConfig.js';

const files = { haCf: '/etc/ha.d/ha.cf', haresources: '/etc/ha.d/haresources', authkeys: '/etc/ha.d/authkeys', heartline: '/etc/ha.d/heartline.cf' };
const haCfText = 'keepalive 1\ndeadtime 10\nbcast eth0\nnode node1\nnode node2\n';

function heartline(text: string): HeartlineCf {
  const { config, issues } = parseHeartlineCf(text, files.heartline);
  assert.deepEqual(issues, []);
  return config;
}

function running(heartlineText: string): RunningConfig {
  const { keys } = parseAuthKeys('auth 1\n1 sha1 k\n', files.authkeys);
  assert.ok(keys !== undefined);
  return { haCf: parseHaCf(haCfText, files.haCf).config, haCfText, files, groups: [], authKeys: keys, heartline: heartline(heartlineText), plugins: [] };
}

const lines = (before: string, after: string): string[] => planReload(running(before), running(after)).changes.map(formatReloadChange);

describe('planReload: the metrics line of heartline.cf', () => {
  it('applies a new, moved or removed endpoint at once', () => {
    assert.deepEqual(lines('', 'metrics on\n'), ['Reload: applied metrics (/etc/ha.d/heartline.cf:1): off -> 127.0.0.1:9694']);
    assert.deepEqual(lines('metrics on\n', '\nmetrics listen=[::1]:9100\n'), ['Reload: applied metrics (/etc/ha.d/heartline.cf:2): 127.0.0.1:9694 -> [::1]:9100']);
    assert.deepEqual(lines('metrics on\n', 'metrics listen=10.0.0.2:9694 remote=yes\n'), ['Reload: applied metrics (/etc/ha.d/heartline.cf:1): 127.0.0.1:9694 -> 10.0.0.2:9694 remote=yes']);
    assert.deepEqual(lines('metrics on\n', 'metrics off\n'), ['Reload: applied metrics (/etc/ha.d/heartline.cf:1): 127.0.0.1:9694 -> off']);
    assert.deepEqual(lines('metrics on\n', ''), ['Reload: applied metrics (/etc/ha.d/heartline.cf:1): 127.0.0.1:9694 -> off']);
    const plan = planReload(running('metrics on\n'), running('metrics listen=9100\n'));
    assert.equal(plan.remetric, true);
    assert.equal(plan.next.heartline.metrics?.port, 9100);
  });

  it('a moved line, the same endpoint written otherwise, or monitor lines alone change nothing of it', () => {
    assert.deepEqual(lines('metrics on\n', '# moved\n\nmetrics listen=127.0.0.1:9694\n'), []);
    assert.deepEqual(lines('metrics off\n', ''), []);
    const plan = planReload(running('metrics on\n'), running('metrics on\nmonitor apache interval=5s\n'));
    assert.equal(plan.remetric, false);
    assert.deepEqual(plan.changes.map((c) => `${c.directive} ${c.outcome}`), ['monitor refused']);
    assert.equal(plan.next.heartline.monitors.length, 0, 'monitor lines wait for a restart');
    assert.equal(plan.next.heartline.metrics?.port, 9694);
  });
});
