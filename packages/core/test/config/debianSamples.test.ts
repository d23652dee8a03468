import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseAuthKeys } from '../../src/config/parseAuthKeys.js';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { parseHaResources } from '../../src/config/parseHaResources.js';

// The annotated samples of Debian's `heartbeat` package (1:3.0.6). They are nearly all comments:
// parsed as shipped, and again with their example lines uncommented.
const DOC = '/usr/share/doc/heartbeat/';
const FILES = ['ha.cf.gz', 'haresources.gz', 'authkeys'].map((f) => DOC + f);

function skipReason(): string | undefined {
  const missing = FILES.filter((f) => !existsSync(f));
  if (missing.length === 0) return undefined;
  const reason = `needs the Debian heartbeat package (missing ${missing.join(', ')}; apt-get install heartbeat)`;
  if (process.env['HEARTLINE_REQUIRE_E2E'] === '1') throw new Error(`HEARTLINE_REQUIRE_E2E=1 but this test ${reason}`);
  return reason;
}

const skip = skipReason();
const read = (name: string): string => {
  const bytes = readFileSync(DOC + name);
  return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};
const lines = (issues: ReadonlyArray<{ line: number; code: string }>): string[] => issues.map((i) => `${i.line}:${i.code}`);

describe('Debian sample files', { skip: skip ?? false }, () => {
  test('ha.cf as shipped: logfacility local0 and auto_failback on; no media and no node, as heartbeat also refuses', () => {
    const { config, issues } = parseHaCf(read('ha.cf.gz'), 'ha.cf');
    assert.equal(config.logfacility, 'local0');
    assert.equal(config.autoFailback, 'on');
    assert.deepEqual(lines(issues), ['0:CONFIG_NO_MEDIA', '0:CONFIG_NO_NODES']);
  });

  test('ha.cf with every example directive uncommented: only the sample\'s own mistakes are errors', () => {
    const text = read('ha.cf.gz').replace(/^#([a-z][a-z_0-9]*[ \t])/gm, '$1');
    const { config, issues } = parseHaCf(text, 'ha.cf');
    const errors = issues.filter((i) => i.severity === 'error');
    assert.deepEqual(lines(errors), [
      '246:CONFIG_UNKNOWN_DIRECTIVE', // hbaping: Debian does not build that plugin
      '306:CONFIG_DUPLICATE_DIRECTIVE', // a second `apiauth ipfail`
      '314:CONFIG_BAD_VALUE', // `msgfmt classic/netstring` is a placeholder
    ]);
    assert.ok(issues.every((i) => i.severity === 'error' || i.code === 'CONFIG_IGNORED_DIRECTIVE'));
    assert.deepEqual(config.nodes, ['ken3', 'kathy']);
    assert.equal(config.keepaliveMs, 2000);
    assert.equal(config.deadtimeMs, 30000);
    assert.equal(config.warntimeMs, 10000);
    assert.equal(config.initdeadMs, 120000);
    assert.equal(config.deadpingMs, 30000);
    assert.equal(config.hbgenmethod, 'time');
    assert.equal(config.realtime, false);
    assert.equal(config.debug, 1);
    assert.equal(config.compression, 'bz2');
    assert.deepEqual(
      config.media.map((m) => m.kind),
      ['serial', 'serial', 'serial', 'serial', 'bcast', 'bcast', 'bcast', 'bcast', 'bcast', 'bcast', 'mcast', 'ucast'],
    );
    assert.deepEqual(config.pingNodes, ['10.10.10.254']);
    assert.deepEqual(config.pingGroups, [{ name: 'group1', hosts: ['10.10.10.254', '10.10.10.253'] }]);
  });

  test('haresources as shipped is all comments', () => {
    const { groups, issues } = parseHaResources(read('haresources.gz'), 'haresources', ['node1']);
    assert.deepEqual(groups, []);
    assert.deepEqual(issues, []);
  });

  test('haresources examples uncommented: groups parse, the examples reuse one key', () => {
    const text = read('haresources.gz').replace(/^#([a-z][^ \t]*[ \t])/gm, '$1');
    const { groups, issues } = parseHaResources(text, 'haresources', ['just.linux-ha.org', 'node1']);
    assert.deepEqual(lines(issues), ['44:HARESOURCES_UNKNOWN_NODE', '121:HARESOURCES_DUPLICATE_GROUP', '128:HARESOURCES_DUPLICATE_GROUP']);
    assert.deepEqual(groups.map((g) => g.line).slice(1), [
      'just.linux-ha.org 135.9.216.110',
      'just.linux-ha.org 135.9.216.3/28/eth0/135.9.216.12 httpd',
      'node1 10.0.0.170 Filesystem::/dev/sda1::/data1::ext2',
    ]);
    assert.deepEqual(groups[2]?.resources[0]?.args, ['135.9.216.3/28/eth0/135.9.216.12']);
  });

  test('authkeys as shipped has no auth line (heartbeat refuses it too); uncommented it signs with crc', () => {
    assert.deepEqual(lines(parseAuthKeys(read('authkeys'), 'authkeys').issues), ['0:AUTHKEYS_NO_AUTH']);
    const { keys, issues } = parseAuthKeys(read('authkeys').replace(/^#(auth|\d)/gm, '$1'), 'authkeys');
    assert.deepEqual(issues, []);
    assert.equal(keys?.activeSlot, 1);
    assert.deepEqual([...(keys?.slots.values() ?? [])].map((s) => `${s.slot} ${s.method} ${s.key ?? ''}`), ['1 crc ', '2 sha1 HI!', '3 md5 Hello!']);
  });
});
