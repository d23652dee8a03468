import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorCode } from '../../src/errors/errorCatalogue.js';
import { parseAuthKeys } from '../../src/config/parseAuthKeys.js';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { parseHaResources } from '../../src/config/parseHaResources.js';

// A valid base so each row's broken line is the only problem (line numbers count the base lines).
const BASE = 'bcast eth0\nnode a\nauto_failback on\n';
const L = 4;

type Row = readonly [input: string, code: ErrorCode, line: number, severity?: 'error' | 'warning'];

const haCfRows: readonly Row[] = [
  ['keepalive 2\ndeadtime 1\n', 'CONFIG_DEADTIME_TOO_SMALL', L + 1],
  ['deadtime 2\n', 'CONFIG_DEADTIME_TOO_SMALL', L],
  ['bogus 1\n', 'CONFIG_UNKNOWN_DIRECTIVE', L],
  ['Node b\n', 'CONFIG_UNKNOWN_DIRECTIVE', L],
  ['keepalive\n', 'CONFIG_MISSING_VALUE', L, 'warning'],
  ['keepalive 0\n', 'CONFIG_BAD_TIME', L],
  ['warntime -1\n', 'CONFIG_BAD_TIME', L],
  ['deadtime 10s\n', 'CONFIG_SECONDS_SUFFIX', L, 'warning'],
  ['deadtime 10m\n', 'CONFIG_BAD_TIME', L],
  ['deadtime 1.2.3\n', 'CONFIG_BAD_TIME', L],
  ['realtime maybe\n', 'CONFIG_BAD_BOOLEAN', L],
  ['hopfudge 256\n', 'CONFIG_BAD_VALUE', L],
  ['debug x\n', 'CONFIG_BAD_VALUE', L],
  ['udpport 0\n', 'CONFIG_BAD_VALUE', L],
  ['msgfmt xml\n', 'CONFIG_BAD_VALUE', L],
  ['logfacility local9\n', 'CONFIG_BAD_VALUE', L],
  ['auto_failback sometimes\n', 'CONFIG_BAD_VALUE', L],
  ['env =x\n', 'CONFIG_BAD_VALUE', L],
  ['baud 1200\n', 'CONFIG_BAD_VALUE', L],
  ['baud 9600\nbaud 9600\n', 'CONFIG_DUPLICATE_DIRECTIVE', L + 1],
  ['watchdog /dev/watchdog\nwatchdog /dev/watchdog1\n', 'CONFIG_DUPLICATE_DIRECTIVE', L + 1],
  ['serial /dev/ttyS0\nbaud 9600\n', 'CONFIG_ORDER', L + 1, 'warning'],
  ['crm off\ncrm_daemon_dir /usr/lib/pacemaker\n', 'CONFIG_ORDER', L + 1],
  ['mcast eth0 10.0.0.1 694 1 0\n', 'CONFIG_BAD_MEDIA', L],
  ['mcast eth0 239.0.0.1 694 1\n', 'CONFIG_BAD_MEDIA', L],
  ['mcast eth0 239.0.0.1 694 5 0\n', 'CONFIG_BAD_MEDIA', L],
  ['mcast eth0 239.0.0.1 694 1 2\n', 'CONFIG_BAD_MEDIA', L],
  ['mcast6 eth0 fe80::1 694 1 0\n', 'CONFIG_BAD_MEDIA', L],
  ['ucast eth0\n', 'CONFIG_BAD_MEDIA', L],
  ['serial ttyS0\n', 'CONFIG_BAD_MEDIA', L],
  ['node a\n', 'CONFIG_DUPLICATE_NODE', L, 'warning'],
  ['keepalive 1\ndeadtime 5\ninitdead 4\n', 'CONFIG_INITDEAD_TOO_SMALL', L + 2],
  ['keepalive 1\ndeadtime 5\ninitdead 9\n', 'CONFIG_INITDEAD_SHORT', L + 2, 'warning'],
  ['keepalive 2\ndeadping 3\n', 'CONFIG_DEADPING_TOO_SMALL', L + 1],
  ['deadtime 10\nwarntime 10\n', 'CONFIG_WARNTIME_INEFFECTIVE', L + 1, 'warning'],
  ['nice_failback on\n', 'CONFIG_NICE_FAILBACK', L, 'warning'],
  ['use_logd no\n', 'CONFIG_NO_LOG_TARGET', L],
  ['autojoin any\n', 'CONFIG_AUTOJOIN_CONFLICT', L],
  ['pacemaker on\n', 'CONFIG_PACEMAKER_UNSUPPORTED', L],
  ['watchdog /dev/watchdog\n', 'CONFIG_IGNORED_DIRECTIVE', L, 'warning'],
  ['apiauth ipfail\n', 'CONFIG_BAD_VALUE', L],
  ['respawn hacluster ipfail\n', 'CONFIG_BAD_VALUE', L],
];

describe('broken ha.cf inputs give the expected code and line', () => {
  for (const [input, code, line, severity = 'error'] of haCfRows) {
    test(`${JSON.stringify(input)} -> ${code} on line ${line}`, () => {
      const { issues } = parseHaCf(BASE + input, 'ha.cf');
      const found = issues.filter((i) => i.code === code);
      assert.deepEqual(found.map((i) => [i.line, i.severity]), [[line, severity]], JSON.stringify(issues));
      assert.ok(found[0]?.hint, 'has a hint');
      const others = issues.filter((i) => i.code !== code && i.code !== 'CONFIG_IGNORED_DIRECTIVE');
      assert.deepEqual(others, [], 'no collateral issue');
    });
  }

  test('file-level problems sit on line 0', () => {
    assert.deepEqual(parseHaCf('', 'ha.cf').issues.map((i) => `${i.line}:${i.code}`), ['0:CONFIG_NO_MEDIA', '0:CONFIG_NO_NODES', '0:CONFIG_LEGACY_FAILBACK']);
  });
});

const authRows: readonly Row[] = [
  ['1 sha1 k\n', 'AUTHKEYS_NO_AUTH', 0],
  ['auth one\nauth 1\n1 sha1 k\n', 'AUTHKEYS_BAD_AUTH_LINE', 1],
  ['auth 2\n1 sha1 k\n', 'AUTHKEYS_SLOT_UNDEFINED', 1],
  ['1 sha1 k\nauth 1\n', 'AUTHKEYS_ORDER', 2],
  ['auth 1\n1 sha1 k\n16 sha1 k\n', 'AUTHKEYS_BAD_SLOT', 3],
  ['auth 1\n1 sha1 k\n2 sha256 k\n', 'AUTHKEYS_UNKNOWN_METHOD', 3],
  ['auth 1\n1 sha1 k\n2 md5\n', 'AUTHKEYS_KEY_REQUIRED', 3],
  ['auth 1\n1 sha1 k\n2 crc k\n', 'AUTHKEYS_UNEXPECTED_KEY', 3],
  ['auth 1\n1 sha1 k\nsha1 k\n', 'AUTHKEYS_BAD_LINE', 3],
  ['auth 1\n1 sha1 k\n1 md5 k\n', 'AUTHKEYS_DUPLICATE_SLOT', 3, 'warning'],
  ['auth 1\n1 sha1 two words\n', 'AUTHKEYS_KEY_TRUNCATED', 2, 'warning'],
];

describe('broken authkeys inputs give the expected code and line', () => {
  for (const [input, code, line, severity = 'error'] of authRows) {
    test(`${JSON.stringify(input)} -> ${code} on line ${line}`, () => {
      const { issues } = parseAuthKeys(input, 'authkeys');
      assert.deepEqual(issues.map((i) => [i.code, i.line, i.severity]), [[code, line, severity]]);
    });
  }
});

const resourceRows: readonly Row[] = [
  ['ghost r\n', 'HARESOURCES_UNKNOWN_NODE', 1],
  ['a r\na r s\n', 'HARESOURCES_DUPLICATE_GROUP', 2],
  ['a r\na\n', 'HARESOURCES_NO_RESOURCES', 2],
  ['a ::r\n', 'HARESOURCES_BAD_RESOURCE', 1],
  ['a \\\n r # c\n', 'HARESOURCES_COMMENT_IN_CONTINUATION', 2],
  ['a r \\', 'HARESOURCES_DANGLING_CONTINUATION', 1, 'warning'],
];

describe('broken haresources inputs give the expected code and line', () => {
  for (const [input, code, line, severity = 'error'] of resourceRows) {
    test(`${JSON.stringify(input)} -> ${code} on line ${line}`, () => {
      const { issues } = parseHaResources(input, 'haresources', ['a']);
      assert.deepEqual(issues.map((i) => [i.code, i.line, i.severity]), [[code, line, severity]]);
    });
  }
});
