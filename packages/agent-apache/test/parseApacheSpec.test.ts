import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApacheSpec } from '../src/index.js';

test("heartbeat's form: the config file alone, everything else left to the type's defaults", () => {
  const { spec, problems } = parseApacheSpec('apache', ['/etc/apache2/apache2.conf'], 'apache::/etc/apache2/apache2.conf');
  assert.deepEqual(problems, []);
  assert.deepEqual(spec, {
    type: 'apache',
    configFile: '/etc/apache2/apache2.conf',
    httpd: undefined,
    options: [],
    statusUrl: undefined,
    envFiles: undefined,
    env: {},
    gracefulMs: 10_000,
  });
  assert.equal(parseApacheSpec('apache2', [], 'apache2').spec?.configFile, undefined);
});

test('name=value parameters: lowercase are the OCF names, UPPER_CASE environment variables; lists are comma-separated', () => {
  const args = [
    '/srv/web/httpd.conf',
    'httpd=/usr/sbin/apache2',
    'options=-DSSL,-DSTAGING',
    'statusurl=http://10.0.0.5:8080/server-status',
    'envfiles=/srv/web/envvars,/srv/web/more',
    'graceful_ms=2500',
    'APACHE_LOG_DIR=/srv/web/log',
    'SITE=blue',
  ];
  const { spec, problems } = parseApacheSpec('apache', args, 'apache::…');
  assert.deepEqual(problems, []);
  assert.deepEqual(spec, {
    type: 'apache',
    configFile: '/srv/web/httpd.conf',
    httpd: '/usr/sbin/apache2',
    options: ['-DSSL', '-DSTAGING'],
    statusUrl: 'http://10.0.0.5:8080/server-status',
    envFiles: ['/srv/web/envvars', '/srv/web/more'],
    env: { APACHE_LOG_DIR: '/srv/web/log', SITE: 'blue' },
    gracefulMs: 2500,
  });
  assert.equal(parseApacheSpec('apache2', ['configfile=/etc/apache2-web/apache2.conf'], 'x').spec?.configFile, '/etc/apache2-web/apache2.conf');
  assert.deepEqual(parseApacheSpec('apache2', ['envfiles='], 'x').spec?.envFiles, [], 'an empty envfiles reads none, not even envvars');
});

test('every problem at once, each naming the resource', () => {
  const args = ['conf/httpd.conf', 'extra', 'configfile=/etc/x.conf', 'port=80', 'Site=x', 'options=-f/etc/y.conf,DSSL', 'statusurl=ftp://x/', 'graceful_ms=soon', 'A=1', 'A=2'];
  const { spec, problems } = parseApacheSpec('apache', args, 'apache::conf/httpd.conf');
  assert.equal(spec, undefined);
  assert.ok(problems.every((p) => p.code === 'APACHE_BAD_PARAMETER' && p.message.startsWith('apache::conf/httpd.conf: ')));
  assert.deepEqual(
    problems.map((p) => p.message.slice('apache::conf/httpd.conf: '.length)),
    [
      "'extra' is not name=value (only the first argument may be the config file alone)",
      "configfile is given twice ('conf/httpd.conf' and '/etc/x.conf')",
      "unknown parameter 'port' (known: configfile, httpd, options, statusurl, envfiles, graceful_ms, or an UPPER_CASE environment variable)",
      "unknown parameter 'Site' (known: configfile, httpd, options, statusurl, envfiles, graceful_ms, or an UPPER_CASE environment variable)",
      'the environment variable A is given twice',
      "configfile must be an absolute path, not 'conf/httpd.conf'",
      "the option -f/etc/y.conf is the agent's own (-k, -f, -d): use configfile= for the config",
      "options must be command-line options (-DNAME, -e level…), not 'DSSL'",
      "statusurl must be an http:// or https:// URL, not 'ftp://x/'",
      "graceful_ms must be a whole number of milliseconds up to 3600000, not 'soon'",
    ],
  );
});
