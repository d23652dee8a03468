import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnvFile, parseListen, probeUrl, readApacheConfig, readCompiledDefaults, type ListenAddress } from '../src/index.js';
import { debianTree, DEBIAN_ENVVARS } from './helpers/debianTree.js';
import { DEBIAN_V } from './helpers/FakeApache.js';
import { FakeMachine } from './helpers/FakeMachine.js';

const compiled = readCompiledDefaults(DEBIAN_V, '/usr/sbin/apache2');
const at = (listen: ListenAddress) => [listen.host, listen.port, listen.protocol];

test("Debian's apache2.conf: envvars read, Includes followed, Listen 80 from ports.conf (443 only with ssl), the main ErrorLog", () => {
  const machine = debianTree(new FakeMachine());
  const env = parseEnvFile(DEBIAN_ENVVARS, { SUFFIX: '' });
  const config = readApacheConfig('/etc/apache2/apache2.conf', { compiled, serverRoot: '/etc/apache2', env, defines: [], files: machine });
  assert.deepEqual(config.listens.map(at), [[undefined, 80, undefined]]);
  assert.deepEqual([config.listens[0]?.file, config.listens[0]?.line], ['/etc/apache2/ports.conf', 1]);
  assert.equal(config.pidFile, '/var/run/apache2/apache2.pid');
  assert.equal(config.errorLog, '/var/log/apache2/error.log', 'the VirtualHost ErrorLog is not the main one');
  assert.deepEqual(config.problems, []);

  machine.write('/etc/apache2/mods-enabled/ssl.load', 'LoadModule ssl_module /usr/lib/apache2/modules/mod_ssl.so\n');
  const ssl = readApacheConfig('/etc/apache2/apache2.conf', { compiled, serverRoot: '/etc/apache2', env, defines: [], files: machine });
  assert.deepEqual(ssl.listens.map(at), [[undefined, 80, undefined], [undefined, 443, undefined]]);
});

test('envvars of a second instance (/etc/apache2-web): SUFFIX as apache2ctl computes it', () => {
  const env = parseEnvFile(DEBIAN_ENVVARS, { SUFFIX: '-web' });
  assert.deepEqual(env, {
    APACHE_RUN_USER: 'www-data',
    APACHE_RUN_GROUP: 'www-data',
    APACHE_PID_FILE: '/var/run/apache2-web/apache2.pid',
    APACHE_RUN_DIR: '/var/run/apache2-web',
    APACHE_LOCK_DIR: '/var/lock/apache2-web',
    APACHE_LOG_DIR: '/var/log/apache2-web',
    LANG: 'C',
  });
  assert.deepEqual(parseEnvFile(`A='$B' # literal\nB="x y"\nif [ -n "$X" ]; then B=z; fi\nexport C=\${B}/z\n`, {}), { A: '$B', B: 'x y', C: 'x y/z' });
});

test('IfDefine from -D and Define, ${VARS}, ServerRoot-relative Includes, quoted words, continued lines, PidFile under DefaultRuntimeDir', () => {
  const machine = new FakeMachine()
    .write(
      '/srv/web/httpd.conf',
      [
        'ServerRoot "/srv/web"',
        'Define port 8080',
        'DefaultRuntimeDir run',
        'PidFile httpd.pid',
        '<IfDefine STAGING>',
        '  Listen 10.0.0.9:${port}',
        '</IfDefine>',
        '<IfDefine !STAGING>',
        '  Include conf.d/*.conf',
        '</IfDefine>',
        'ErrorLog "|/usr/bin/rotatelogs /srv/web/log/error.%Y 86400"',
        '',
      ].join('\n'),
    )
    .write('/srv/web/conf.d/a.conf', 'Listen \\\n  [2001:db8::5]:${port} https\n')
    .write('/srv/web/conf.d/b.conf', 'Listen ${SITE_ADDRESS}:80\n')
    .write('/srv/web/conf.d/.hidden.conf', 'Listen 1\n');
  const read = (defines: string[]) =>
    readApacheConfig('/srv/web/httpd.conf', { compiled, serverRoot: '/etc/apache2', env: { SITE_ADDRESS: '10.0.0.5' }, defines, files: machine });
  const plain = read([]);
  assert.deepEqual(plain.listens.map(at), [['2001:db8::5', 8080, 'https'], ['10.0.0.5', 80, undefined]]);
  assert.deepEqual([plain.listens[0]?.file, plain.listens[0]?.line], ['/srv/web/conf.d/a.conf', 1]);
  assert.equal(plain.pidFile, '/srv/web/run/httpd.pid');
  assert.equal(plain.errorLog, undefined, 'a piped logger has no file');
  assert.deepEqual(read(['STAGING']).listens.map(at), [['10.0.0.9', 8080, undefined]]);
});

test('an Include that matches nothing and a Listen without a port are problems at their file and line; without PidFile the compiled default', () => {
  const machine = new FakeMachine().write('/srv/x.conf', 'Include missing/*.conf\nIncludeOptional optional/*.conf\nListen 10.0.0.5:http\nListen 8080\n');
  const config = readApacheConfig('/srv/x.conf', { compiled, serverRoot: '/srv', env: {}, defines: [], files: machine });
  assert.deepEqual(config.problems, [
    { code: 'APACHE_CONFIG_MISSING', message: 'Include missing/*.conf: no such file (apache refuses to start)', file: '/srv/x.conf', line: 1 },
    { code: 'APACHE_NO_LISTEN', message: "Listen 10.0.0.5:http: 'http' is not a port number (1-65535)", file: '/srv/x.conf', line: 3 },
  ]);
  assert.deepEqual(config.listens.map(at), [[undefined, 8080, undefined]]);
  assert.equal(config.pidFile, '/run/apache2.pid');
  assert.equal(config.errorLog, '/srv/logs/error_log');
  const missing = readApacheConfig('/srv/none.conf', { compiled, serverRoot: '/srv', env: {}, defines: [], files: machine });
  assert.deepEqual(missing.problems.map((p) => [p.code, p.line]), [['APACHE_CONFIG_MISSING', 0]]);
});

test('Listen forms and the URL that asks them', () => {
  const cases: [string[], string][] = [
    [['80'], 'http://127.0.0.1:80/'],
    [['10.213.0.1:8080'], 'http://10.213.0.1:8080/'],
    [['*:80'], 'http://127.0.0.1:80/'],
    [['0.0.0.0:443'], 'https://127.0.0.1:443/'],
    [['[::]:80'], 'http://127.0.0.1:80/'],
    [['[2001:db8::1]:8443', 'https'], 'https://[2001:db8::1]:8443/'],
    [['10.0.0.5:443', 'http'], 'http://10.0.0.5:443/'],
  ];
  for (const [args, url] of cases) {
    const listen = parseListen(args, 'f', 1);
    assert.ok(!('problem' in listen), args.join(' '));
    assert.equal(probeUrl(listen), url, args.join(' '));
  }
  for (const bad of [[], ['0'], ['70000'], ['2001:db8::1:80'], ['80', 'http', 'x']]) {
    assert.ok('problem' in parseListen(bad, 'f', 1), bad.join(' '));
  }
});

test("httpd -V: the compiled ServerRoot, pid file and error log; a binary that cannot tell gets its layout's", () => {
  assert.deepEqual(compiled, { httpdRoot: '/etc/apache2', defaultPidLog: '/run/apache2.pid', defaultErrorLog: 'logs/error_log' });
  assert.deepEqual(readCompiledDefaults(undefined, '/usr/sbin/httpd'), { httpdRoot: '/etc/httpd', defaultPidLog: 'run/httpd.pid', defaultErrorLog: 'logs/error_log' });
});
