import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { parseHeartbeatTime } from '../../src/config/parseHeartbeatTime.js';
import { fixtureText } from './fixtureDir.js';

const codes = (text: string): string[] => parseHaCf(text, 'ha.cf').issues.map((i) => `${i.line}:${i.code}`);
const minimal = 'bcast eth0\nnode a\nauto_failback on\n';

describe('parseHaCf: the seed guides', () => {
  test('seed-apache: logs, bcast on 694, two nodes, auto_failback on', () => {
    const { config, issues } = parseHaCf(fixtureText('seed-apache', 'ha.cf'), 'ha.cf');
    assert.deepEqual(issues, []);
    assert.equal(config.keepaliveMs, 2000);
    assert.equal(config.deadtimeMs, 10000);
    assert.equal(config.warntimeMs, 5000, 'deadtime / 2');
    assert.equal(config.initdeadMs, 20000, '2 x deadtime when deadtime is 6-10 s');
    assert.equal(config.deadpingMs, 10000);
    assert.equal(config.udpport, 694);
    assert.deepEqual(config.media, [{ kind: 'bcast', interface: 'eth0', port: 694, where: { file: 'ha.cf', line: 7, column: 7 } }]);
    assert.deepEqual(config.nodes, ['prime', 'calc']);
    assert.equal(config.autoFailback, 'on');
    assert.equal(config.logfile, '/var/log/ha-log');
    assert.equal(config.debugfile, '/var/log/ha-debug');
    assert.equal(config.logfacility, 'local0');
    assert.equal(config.useLogd, false);
    assert.equal(config.recorded.get('deadtime'), '10', 'recorded as written');
    assert.equal(config.recorded.get('warntime'), '5000ms', 'computed defaults carry ms');
    assert.equal(config.recorded.get('initdead'), '20000ms');
    assert.equal(config.recorded.get('deadping'), '10000ms');
    assert.equal(config.recorded.get('keepalive'), '2');
    assert.equal(config.recorded.get('auto_failback'), 'on');
    assert.equal(config.recorded.get('pacemaker'), 'false');
    assert.equal(config.recorded.has('node'), false);
  });

  test('seed-clearos: serial at 19200, initdead 15, no log target so logd (syslog daemon)', () => {
    const { config, issues } = parseHaCf(fixtureText('seed-clearos', 'ha.cf'), 'ha.cf');
    assert.deepEqual(issues, []);
    assert.equal(config.warntimeMs, 5000);
    assert.equal(config.initdeadMs, 15000);
    assert.deepEqual(config.media, [{ kind: 'serial', device: '/dev/ttyS0', baud: 19200, where: { file: 'ha.cf', line: 5, column: 8 } }]);
    assert.deepEqual(config.nodes, ['firewall1.domain.lan', 'firewall2.domain.lan']);
    assert.equal(config.autoFailback, 'on');
    assert.equal(config.useLogd, true);
    assert.equal(config.recorded.get('use_logd'), 'yes');
    assert.equal(config.recorded.get('initdead'), '15');
  });
});

describe('parseHaCf: syntax', () => {
  test('values split on blanks and commas, comments anywhere, node names lowercased', () => {
    const { config } = parseHaCf('bcast eth0,eth1  eth2 # eth3\n  node Alpha, BETA\tgamma#x\nauto_failback on\n', 'ha.cf');
    assert.deepEqual(config.media.map((m) => (m.kind === 'bcast' ? m.interface : '')), ['eth0', 'eth1', 'eth2']);
    assert.deepEqual(config.nodes, ['alpha', 'beta', 'gamma']);
  });

  test('whole-line media split on blanks only', () => {
    const { config, issues } = parseHaCf(`${minimal}mcast eth1 239.1.2.3 6940 1 1\nucast eth2 10.0.0.2\nmcast6 eth3 ff02::1:2 694 0 0\n`, 'ha.cf');
    assert.deepEqual(issues, []);
    assert.deepEqual(
      config.media.slice(1).map(({ where: _where, ...m }) => m),
      [
        { kind: 'mcast', interface: 'eth1', group: '239.1.2.3', port: 6940, ttl: 1, loop: true },
        { kind: 'ucast', interface: 'eth2', peer: '10.0.0.2', port: 694 },
        { kind: 'mcast6', interface: 'eth3', group: 'ff02::1:2', port: 694, ttl: 0, loop: false },
      ],
    );
  });

  test('udpport and baud apply to media read after them, and a medium keeps the value of its first line', () => {
    const text = 'udpport 700\nbcast eth0\nudpport 701\nbcast eth1\nucast eth2 10.0.0.2\nserial /dev/ttyS0\nbaud 38400\nserial /dev/ttyS1\nnode a\nauto_failback on\n';
    const { config, issues } = parseHaCf(text, 'ha.cf');
    const ports = config.media.map((m) => ('port' in m ? m.port : m.baud));
    assert.deepEqual(ports, [700, 700, 701, 19200, 19200]);
    assert.equal(config.udpport, 701);
    assert.deepEqual(
      issues.map((i) => `${i.line}:${i.code}`),
      ['3:CONFIG_ORDER', '7:CONFIG_ORDER'],
    );
  });

  test('udp is an alias of bcast, with a warning', () => {
    const { config, issues } = parseHaCf('udp eth0\nnode a\nauto_failback on\n', 'ha.cf');
    assert.equal(config.media[0]?.kind, 'bcast');
    assert.deepEqual(issues.map((i) => i.code), ['CONFIG_UDP_ALIAS']);
  });

  test('times: seconds, fractions, ms, msec, us; `2s` read with a warning (heartbeat refuses it), `1500 ms` refused', () => {
    assert.equal(parseHeartbeatTime('2'), 2000);
    assert.equal(parseHeartbeatTime('0.5'), 500);
    assert.equal(parseHeartbeatTime('.25'), 250);
    assert.equal(parseHeartbeatTime('1500ms'), 1500);
    assert.equal(parseHeartbeatTime('1500MSEC'), 1500);
    assert.equal(parseHeartbeatTime('1500us'), 2, 'rounded to the nearest ms');
    assert.equal(parseHeartbeatTime('499us'), 0);
    assert.equal(parseHeartbeatTime('2s'), undefined);
    assert.equal(parseHeartbeatTime('ms'), undefined);
    const { config, issues } = parseHaCf(`${minimal}keepalive 2s\ndeadtime 1500 ms\n`, 'ha.cf');
    assert.equal(config.keepaliveMs, 2000);
    assert.deepEqual(
      issues.map((i) => `${i.line}:${i.column}:${i.severity}:${i.code}`),
      ['4:11:warning:CONFIG_SECONDS_SUFFIX', '5:15:error:CONFIG_BAD_TIME'],
    );
    assert.match(issues[0]?.hint ?? '', /keepalive 2` \(seconds\) or `keepalive 2000ms`/);
  });
});

describe('parseHaCf: heartbeat rules', () => {
  test('defaults when ha.cf says nothing about timing', () => {
    const { config } = parseHaCf(minimal, 'ha.cf');
    assert.equal(config.keepaliveMs, 1000);
    assert.equal(config.deadtimeMs, 30000);
    assert.equal(config.warntimeMs, 15000);
    assert.equal(config.initdeadMs, 30000, '= deadtime above 10 s');
    assert.equal(config.baud, 19200);
    assert.equal(config.msgfmt, 'classic');
    assert.equal(config.hopfudge, 1);
    assert.equal(config.recorded.get('keepalive'), '1000ms');
    assert.equal(config.recorded.get('udpport'), '694');
    assert.deepEqual(
      config.apiauth.map((a) => a.client),
      ['ipfail', 'ccm', 'ping', 'lha-snmpagent', 'anon'],
    );
  });

  test('initdead is 12 s when deadtime is under 6 s, and an initdead under 10 s is a warning', () => {
    assert.equal(parseHaCf(`${minimal}keepalive 1\ndeadtime 5\n`, 'ha.cf').config.initdeadMs, 12000);
    assert.deepEqual(codes(`${minimal}keepalive 1\ndeadtime 5\ninitdead 8\n`), ['6:CONFIG_INITDEAD_SHORT']);
    assert.deepEqual(codes(`${minimal}keepalive 1\ndeadtime 5\ninitdead 4\n`), ['6:CONFIG_INITDEAD_TOO_SMALL']);
  });

  test('deadtime must exceed twice keepalive; the issue points at deadtime', () => {
    const { issues } = parseHaCf(`${minimal}keepalive 2\ndeadtime 4\n`, 'ha.cf');
    assert.deepEqual(issues.map((i) => `${i.line}:${i.code}:${i.severity}`), ['5:CONFIG_DEADTIME_TOO_SMALL:error']);
    assert.match(issues[0]?.message ?? '', /deadtime 4000 ms is not more than twice keepalive 2000 ms/);
  });

  test('auto_failback: legacy by default with a warning; nice_failback maps to legacy, or off after on/off', () => {
    const none = parseHaCf('bcast eth0\nnode a\n', 'ha.cf');
    assert.equal(none.config.autoFailback, 'legacy');
    assert.deepEqual(none.issues.map((i) => i.code), ['CONFIG_LEGACY_FAILBACK']);

    const nice = parseHaCf('bcast eth0\nnode a\nnice_failback on\n', 'ha.cf');
    assert.equal(nice.config.autoFailback, 'legacy');
    assert.deepEqual(nice.issues.map((i) => i.code), ['CONFIG_LEGACY_FAILBACK', 'CONFIG_NICE_FAILBACK']);
    assert.equal(nice.config.recorded.get('auto_failback'), 'legacy');

    const after = parseHaCf('bcast eth0\nnode a\nauto_failback on\nnice_failback on\n', 'ha.cf');
    assert.equal(after.config.autoFailback, 'off');
    assert.deepEqual(after.issues.map((i) => i.code), ['CONFIG_NICE_FAILBACK']);
  });

  test('logfacility without files sends both files to /dev/null, as heartbeat records them', () => {
    const { config } = parseHaCf(`${minimal}logfacility daemon\n`, 'ha.cf');
    assert.equal(config.logfile, '/dev/null');
    assert.equal(config.debugfile, '/dev/null');
    assert.equal(config.recorded.get('logfile'), '/dev/null');
    assert.equal(parseHaCf(`${minimal}logfacility none\n`, 'ha.cf').config.logfacility, undefined);
  });

  test('use_logd off with nowhere to log is an error', () => {
    assert.deepEqual(codes(`${minimal}use_logd off\n`), ['4:CONFIG_NO_LOG_TARGET']);
  });

  test('pacemaker on is refused; off is fine; a second crm line is an error', () => {
    assert.deepEqual(codes(`${minimal}crm respawn\n`), ['4:CONFIG_PACEMAKER_UNSUPPORTED']);
    assert.deepEqual(codes(`${minimal}crm no\n`), []);
    assert.deepEqual(codes(`${minimal}crm no\npacemaker off\n`), ['5:CONFIG_DUPLICATE_DIRECTIVE']);
  });

  test('ignored directives warn but are still parsed', () => {
    const { config, issues } = parseHaCf(`${minimal}respawn hacluster /usr/lib/heartbeat/ipfail -p\n`, 'ha.cf');
    assert.deepEqual(issues.map((i) => i.code), ['CONFIG_IGNORED_DIRECTIVE']);
    assert.deepEqual(config.respawn, [{ user: 'hacluster', command: ['/usr/lib/heartbeat/ipfail', '-p'] }]);
  });

  test('stonith and stonith_host lines are kept in order with their line, for every host; the parameters are the rest of the line', () => {
    const text = `${minimal}stonith_host Ken3 rps10 /dev/ttyS1 kathy 0\nstonith ssh /etc/ha.d/ssh.cfg\nstonith_host *  external/ipmi  node1 10.0.0.1 admin  secret word\n`;
    const { config, issues } = parseHaCf(text, 'ha.cf');
    assert.deepEqual(issues, []);
    assert.deepEqual(config.stonithHost, [
      { host: 'ken3', type: 'rps10', params: '/dev/ttyS1 kathy 0', where: { file: 'ha.cf', line: 4, column: 19 } },
      { host: '*', type: 'external/ipmi', params: 'node1 10.0.0.1 admin  secret word', where: { file: 'ha.cf', line: 6, column: 17 } },
    ]);
    assert.deepEqual(config.stonith, [{ type: 'ssh', configFile: '/etc/ha.d/ssh.cfg', where: { file: 'ha.cf', line: 5, column: 9 } }]);
  });

  test('a stonith line without its file, a stonith_host line without a type are errors at their line', () => {
    const { issues } = parseHaCf(`${minimal}stonith ssh\nstonith_host node1\n`, 'ha.cf');
    assert.deepEqual(issues.map((i) => `${i.line}:${i.code}`), ['4:CONFIG_BAD_VALUE', '5:CONFIG_BAD_VALUE']);
  });

  test('env and apiauth', () => {
    const { config, issues } = parseHaCf(`${minimal}env FOO=bar=baz\napiauth ipfail uid=hacluster,root gid=haclient\n`, 'ha.cf');
    assert.deepEqual(config.env, { HA_FOO: 'bar=baz' });
    assert.deepEqual(config.apiauth[0], { client: 'ipfail', uids: ['hacluster', 'root'], gids: ['haclient'] });
    assert.equal(config.apiauth.filter((a) => a.client === 'ipfail').length, 1, 'overrides the built-in entry');
    assert.deepEqual(issues.map((i) => i.code), ['CONFIG_IGNORED_DIRECTIVE']);
  });

  test('every problem of a file is reported in one pass, in line order', () => {
    const text = 'keepalive x\nfoo 1\nnode a\nbaud 1234\nmcast eth0 10.0.0.1 694 1 0\nauto_failback maybe\n';
    assert.deepEqual(codes(text), [
      '0:CONFIG_NO_MEDIA',
      '0:CONFIG_LEGACY_FAILBACK',
      '1:CONFIG_BAD_TIME',
      '2:CONFIG_UNKNOWN_DIRECTIVE',
      '4:CONFIG_BAD_VALUE',
      '5:CONFIG_BAD_MEDIA',
      '6:CONFIG_BAD_VALUE',
    ]);
  });
});
