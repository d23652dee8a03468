import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHaResources } from '../../src/config/parseHaResources.js';
import { fixtureText } from './fixtureDir.js';

const brief = (text: string, nodes: readonly string[] = ['node1', 'node2']) => {
  const result = parseHaResources(text, 'haresources', nodes);
  return {
    groups: result.groups.map((g) => ({ node: g.node, key: g.key, resources: g.resources.map((r) => [r.type, ...r.args]) })),
    issues: result.issues.map((i) => `${i.line}:${i.column}:${i.code}`),
  };
};

test('seed-clearos: one group of four LSB services on firewall1', () => {
  const { groups, issues } = parseHaResources(fixtureText('seed-clearos', 'haresources'), 'haresources', ['firewall1.domain.lan', 'firewall2.domain.lan']);
  assert.deepEqual(issues, []);
  assert.equal(groups.length, 1);
  const [group] = groups;
  assert.equal(group?.node, 'firewall1.domain.lan');
  assert.equal(group?.key, 'bypassd');
  assert.deepEqual(group?.resources.map((r) => r.type), ['bypassd', 'smbd', 'nmbd', 'dnsmasq']);
  assert.equal(group?.line, 'firewall1.domain.lan bypassd smbd nmbd dnsmasq');
});

test('seed-apache: apache2 on prime', () => {
  const { groups, issues } = parseHaResources(fixtureText('seed-apache', 'haresources'), 'haresources', ['prime', 'calc']);
  assert.deepEqual(issues, []);
  assert.deepEqual(groups.map((g) => [g.node, g.key, g.resources[0]?.spec]), [['prime', 'apache2', 'apache2']]);
});

test('IPv4 shorthand becomes IPaddr, :: splits arguments, OCF keeps type and instance', () => {
  const result = parseHaResources('NODE1  10.0.0.5/24/eth1\tFilesystem::/dev/sda1::/data1::ext2 OCF::apache::web\n', 'haresources', ['node1']);
  assert.deepEqual(result.issues, []);
  const group = result.groups[0];
  assert.equal(group?.node, 'node1', 'lowercased');
  assert.equal(group?.key, '10.0.0.5/24/eth1', 'the key is the first resource as written');
  assert.deepEqual(
    group?.resources.map((r) => [r.spec, r.type, r.args, r.where.column]),
    [
      ['IPaddr::10.0.0.5/24/eth1', 'IPaddr', ['10.0.0.5/24/eth1'], 8],
      ['Filesystem::/dev/sda1::/data1::ext2', 'Filesystem', ['/dev/sda1', '/data1', 'ext2'], 25],
      ['OCF::apache::web', 'OCF', ['apache', 'web'], 61],
    ],
  );
});

test('backslash continuations join lines; resources keep their own line numbers', () => {
  const result = parseHaResources('# groups\nnode1 IPaddr::10.0.0.1 \\\n    httpd \\\n  squid\nnode2 b # trailing comment\n', 'haresources', ['node1', 'node2']);
  assert.deepEqual(result.issues, []);
  assert.deepEqual(result.groups.map((g) => g.line), ['node1 IPaddr::10.0.0.1 httpd squid', 'node2 b']);
  assert.deepEqual(result.groups[0]?.resources.map((r) => `${r.where.line}:${r.where.column}`), ['2:7', '3:5', '4:3']);
});

test("a comment on a continuation line is not stripped by heartbeat: its words become resources", () => {
  const { groups, issues } = brief('node1 a \\\n  b # web\n');
  assert.deepEqual(groups[0]?.resources, [['a'], ['b'], ['#'], ['web']]);
  assert.deepEqual(issues, ['2:5:HARESOURCES_COMMENT_IN_CONTINUATION']);
});

test('a comment that hides the backslash ends the line, as in ResourceManager', () => {
  const { groups } = brief('node1 a # c \\\nnode2 b\n');
  assert.deepEqual(groups.map((g) => g.key), ['a', 'b']);
});

test('problems: unknown node, duplicate key, bare node, empty script, short OCF, empty argument, dangling backslash', () => {
  const text = ['Ghost httpd', 'node1 httpd', 'node2', 'node2 ::x', 'node2 OCF::apache', 'node2 IPaddr::::10.0.0.1', 'node1 last \\'].join('\n');
  const { groups, issues } = brief(text);
  assert.deepEqual(issues, [
    '1:1:HARESOURCES_UNKNOWN_NODE',
    '2:7:HARESOURCES_DUPLICATE_GROUP',
    '3:1:HARESOURCES_NO_RESOURCES',
    '4:7:HARESOURCES_BAD_RESOURCE',
    '5:7:HARESOURCES_BAD_RESOURCE',
    '6:7:HARESOURCES_BAD_RESOURCE',
    '7:12:HARESOURCES_DANGLING_CONTINUATION',
  ]);
  assert.deepEqual(groups.map((g) => g.key), ['httpd', '::x', 'OCF::apache', 'IPaddr::::10.0.0.1', 'last']);
  const unknown = parseHaResources('Ghost httpd\n', 'haresources', ['node1']).issues[0];
  assert.match(unknown?.message ?? '', /node 'Ghost' is not declared in ha.cf \(ha.cf declares node1\)/);
});
