import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resourceRef } from '@heartline/core/testing';
import { Apache2Agent, ApacheAgent, HttpdAgent } from '../src/index.js';
import { debianTree } from './helpers/debianTree.js';
import { FakeMachine } from './helpers/FakeMachine.js';

const context = { haDir: '/etc/ha.d', initDir: '/etc/init.d' };
const brief = (issues: readonly { file: string; line: number; column: number; severity: string; code: string }[]) => issues.map((i) => [i.file, i.line, i.column, i.severity, i.code]);

test("a good resource has no issue: Debian's apache2, and apache with its config", () => {
  const machine = debianTree(new FakeMachine());
  assert.deepEqual(new Apache2Agent(machine).validate(resourceRef('apache2'), context), []);
  assert.deepEqual(new ApacheAgent(machine).validate(resourceRef('apache::/etc/apache2/apache2.conf::statusurl=http://127.0.0.1/'), context), []);
});

test('bad parameters: errors at the resource line and column in haresources, with the catalogue hint', () => {
  const issues = new ApacheAgent(debianTree(new FakeMachine())).validate(resourceRef('apache::etc/x.conf::colour=blue'), context);
  assert.deepEqual(brief(issues), [
    ['/etc/ha.d/haresources', 4, 7, 'error', 'APACHE_BAD_PARAMETER'],
    ['/etc/ha.d/haresources', 4, 7, 'error', 'APACHE_BAD_PARAMETER'],
  ]);
  assert.match(issues[0]?.hint ?? '', /configfile, httpd, options, statusurl, envfiles and graceful_ms/);
});

test('a missing binary, config or envfile: warnings at the resource (the check may run on another machine)', () => {
  const machine = new FakeMachine();
  machine.executables.clear();
  const issues = new HttpdAgent(machine).validate(resourceRef('httpd'), context);
  assert.deepEqual(issues.map((i) => [i.severity, i.code, i.message]), [
    ['warning', 'APACHE_NOT_INSTALLED', 'httpd: /usr/sbin/httpd is not installed (apt-get install httpd, or give httpd=)'],
    ['warning', 'APACHE_CONFIG_MISSING', 'httpd: the config file /etc/httpd/conf/httpd.conf does not exist'],
  ]);
  const envfile = new ApacheAgent(debianTree(new FakeMachine())).validate(resourceRef('apache::/etc/apache2/apache2.conf::envfiles=/etc/web.env'), context);
  assert.deepEqual(envfile.map((i) => [i.code, i.message]), [['APACHE_CONFIG_MISSING', 'apache::/etc/apache2/apache2.conf::envfiles=/etc/web.env: the envfile /etc/web.env cannot be read']]);
});

test("problems inside the apache config are reported at the config's own file and line", () => {
  const machine = new FakeMachine().write('/srv/web.conf', 'ServerRoot /srv\nInclude sites/*.conf\n');
  const issues = new ApacheAgent(machine).validate(resourceRef('apache::/srv/web.conf'), context);
  assert.deepEqual(brief(issues), [
    ['/etc/ha.d/haresources', 4, 7, 'warning', 'APACHE_NO_LISTEN'],
    ['/srv/web.conf', 2, 1, 'warning', 'APACHE_CONFIG_MISSING'],
  ]);
});

test('a bare apache2 whose init script the admin changed: a warning naming the escape hatch', () => {
  const machine = debianTree(new FakeMachine());
  machine.changed.set('/etc/init.d/apache2', true);
  const issues = new Apache2Agent(machine).validate(resourceRef('apache2'), context);
  assert.deepEqual(issues.map((i) => [i.severity, i.code]), [['warning', 'APACHE_INIT_SCRIPT_BYPASSED']]);
  assert.match(issues[0]?.message ?? '', /ln -s \/etc\/init\.d\/apache2 \/etc\/ha\.d\/resource\.d\/apache2$/);
  assert.deepEqual(new ApacheAgent(machine).validate(resourceRef('apache'), context), [], 'apache never meant the init script');
  machine.changed.set('/etc/init.d/apache2', false);
  assert.deepEqual(new Apache2Agent(machine).validate(resourceRef('apache2'), context), []);
});
