import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemorySink } from '@heartline/core';
import { agentContext, resourceRef } from '@heartline/core/testing';
import { Apache2Agent, ApacheAgent } from '../src/index.js';
import { debianTree } from './helpers/debianTree.js';
import { FakeApache, type StartBehaviour } from './helpers/FakeApache.js';
import { FakeMachine } from './helpers/FakeMachine.js';

const PID_FILE = '/var/run/apache2/apache2.pid';

function setup(start: StartBehaviour = { pid: 500, pidFile: PID_FILE, port: 80 }, timeoutMs = 2000) {
  const machine = debianTree(new FakeMachine());
  const commands = new FakeApache(machine, start);
  const sink = new MemorySink();
  return { machine, commands, sink, agent: new Apache2Agent(machine), context: agentContext(commands, { sink, timeoutMs, env: { HA_CURHOST: 'node1' } }) };
}

test('bare apache2: /usr/sbin/apache2 with the Debian config and envvars (not /etc/init.d/apache2), running once GET / on its Listen answers', async () => {
  const { agent, machine, commands, context, sink } = setup();
  assert.deepEqual(await agent.status(resourceRef('apache2'), context), { status: 'stopped' });
  assert.deepEqual(await agent.start(resourceRef('apache2'), context), { status: 'running' });
  assert.deepEqual(commands.lines(), ['/usr/sbin/apache2 -f /etc/apache2/apache2.conf -k start']);
  const env = commands.requests.find((r) => r.args.includes('-k'))?.env;
  assert.equal(env?.['HA_CURHOST'], 'node1', "the daemon's resource environment is passed on");
  assert.equal(env?.['APACHE_CONFDIR'], '/etc/apache2');
  assert.equal(env?.['APACHE_PID_FILE'], PID_FILE);
  assert.equal(env?.['APACHE_LOG_DIR'], '/var/log/apache2');
  assert.deepEqual(machine.made, ['/var/run/apache2', '/var/log/apache2', '/var/lock/apache2 (www-data)']);
  assert.ok(machine.gets.every((u) => u === 'http://127.0.0.1:80/'));
  assert.ok(sink.messages('info').some((m) => /^apache2 started \(pid 500\): http:\/\/127\.0\.0\.1:80\/ answers HTTP 200 \d+ ms after the start$/.test(m)), sink.messages().join('\n'));
  assert.deepEqual(await agent.status(resourceRef('apache2'), context), { status: 'running' });
});

test('start is idempotent: a running apache that answers is left alone', async () => {
  const { agent, machine, commands, context, sink } = setup();
  machine.runApache(300, PID_FILE, 80);
  assert.deepEqual(await agent.start(resourceRef('apache2'), context), { status: 'running' });
  assert.deepEqual(commands.lines(), []);
  assert.ok(sink.messages('info').includes('apache2 is already running (pid 300)'));
});

test('apache::CONFIG::name=value: the binary, options, statusurl and environment reach apache', async () => {
  const machine = new FakeMachine().write('/srv/web.conf', 'PidFile ${RUN}/web.pid\nListen 10.0.0.5:8080\n');
  machine.executables.add('/opt/httpd/bin/httpd');
  const commands = new FakeApache(machine, { pid: 700, pidFile: '/srv/run/web.pid', port: 8080, address: '10.0.0.5' });
  machine.answer = (url) => (url === 'http://10.0.0.5:8080/ok' && machine.sockets.length > 0 ? { status: 200 } : { error: 'ECONNREFUSED' });
  const text = 'apache::/srv/web.conf::httpd=/opt/httpd/bin/httpd::options=-DSTAGING,-eDEBUG::statusurl=http://10.0.0.5:8080/ok::RUN=/srv/run';
  const result = await new ApacheAgent(machine).start(resourceRef(text), agentContext(commands));
  assert.deepEqual(result, { status: 'running' });
  assert.deepEqual(commands.lines(), ['/opt/httpd/bin/httpd -f /srv/web.conf -DSTAGING -eDEBUG -k start']);
  assert.equal(commands.requests.at(-1)?.env?.['RUN'], '/srv/run');
  assert.deepEqual(machine.made, ['/srv/run'], 'the directory of the pid file');
});

test("a broken config: failed with apache's own words in the result and the log, nothing left running", async () => {
  const stderr = "AH00526: Syntax error on line 3 of /etc/apache2/apache2.conf:\nInvalid command 'Bogus', perhaps misspelled or defined by a module not included in the server configuration\n";
  const { agent, machine, context, sink } = setup({ exitCode: 1, stderr });
  const result = await agent.start(resourceRef('apache2'), context);
  const reason =
    "APACHE_START_FAILED: apache2: /usr/sbin/apache2 -k start exited 1: AH00526: Syntax error on line 3 of /etc/apache2/apache2.conf: Invalid command 'Bogus', perhaps misspelled or defined by a module not included in the server configuration";
  assert.deepEqual(result, { status: 'failed', reason });
  assert.ok(sink.messages('error').includes(reason));
  assert.equal(machine.processes.size, 0);
});

test('a server that never answers: after three quarters of the timeout, NOT_ANSWERING and apache stopped again', async () => {
  const { agent, machine, context } = setup(undefined, 400);
  machine.answer = () => ({ error: 'no answer within 1000 ms' });
  const result = await agent.start(resourceRef('apache2'), context);
  assert.equal(result.status, 'failed');
  assert.match('reason' in result ? result.reason : '', /^APACHE_NOT_ANSWERING: apache2: http:\/\/127\.0\.0\.1:80\/ did not answer within \d+ ms \(no answer within 1000 ms\); it was stopped again$/);
  assert.deepEqual(machine.signals, ['SIGWINCH 500', 'SIGKILL -500']);
  assert.equal(machine.processes.size, 0);
});

test('another process on the port: PORT_IN_USE naming it, nothing started', async () => {
  const { agent, machine, commands, context } = setup();
  machine.sockets.push({ address: '0.0.0.0', port: 80, state: 'listen', inode: 7 });
  assert.deepEqual(await agent.start(resourceRef('apache2'), context), {
    status: 'failed',
    reason: 'APACHE_PORT_IN_USE: apache2: 0.0.0.0:80 (pid 7, /usr/sbin/nginx) already listens where apache is to listen; nothing was started',
  });
  assert.deepEqual(commands.lines(), []);
});

test('stop: graceful-stop, then, idle, SIGKILL to the group; the port is free; a second stop does nothing', async () => {
  const { agent, machine, context, sink } = setup();
  machine.runApache(300, PID_FILE, 80);
  assert.deepEqual(await agent.stop(resourceRef('apache2'), context), { status: 'stopped' });
  assert.deepEqual(machine.signals, ['SIGWINCH 300', 'SIGKILL -300']);
  assert.deepEqual([machine.processes.size, machine.sockets.length], [0, 0]);
  assert.ok(sink.messages('info').includes('Stopping apache2 (pid 300): graceful-stop (SIGWINCH)'));
  assert.deepEqual(await agent.stop(resourceRef('apache2'), context), { status: 'stopped' });
  assert.equal(machine.signals.length, 2);
  assert.deepEqual(await agent.status(resourceRef('apache2'), context), { status: 'stopped' });
});

test('a main process that does not lead its own group (run under a supervisor): killed by pid, nothing else', async () => {
  const { agent, machine, context } = setup();
  machine.processes.set(300, { exe: '/usr/sbin/apache2', pgid: 1, state: 'S' });
  machine.processes.set(1, { exe: '/sbin/supervisor', pgid: 1, state: 'S' });
  machine.sockets.push({ address: '0.0.0.0', port: 80, state: 'listen', inode: 300 });
  machine.write(PID_FILE, '300\n');
  assert.deepEqual(await agent.stop(resourceRef('apache2'), context), { status: 'stopped' });
  assert.deepEqual(machine.signals, ['SIGWINCH 300', 'SIGKILL -300', 'SIGKILL 300']);
  assert.deepEqual([...machine.processes.keys()], [1]);
});

test('stop with a request in flight: waits graceful_ms, then SIGTERM, then SIGKILL to the group if apache hangs', async () => {
  const { agent, machine, context } = setup();
  machine.runApache(300, PID_FILE, 80);
  machine.sockets.push({ address: '10.0.0.5', port: 80, state: 'established', inode: 300 });
  machine.ignoresTerm = true;
  assert.deepEqual(await agent.stop(resourceRef('apache2::graceful_ms=50'), context), { status: 'stopped' });
  assert.deepEqual(machine.signals, ['SIGWINCH 300', 'SIGTERM 300', 'SIGKILL -300']);
});

test('kill -9 of the main process: status failed (its children still answer), stop kills the children, start runs anew', async () => {
  const { agent, machine, commands, context } = setup();
  machine.runApache(300, PID_FILE, 80);
  machine.processes.delete(300);
  const status = await agent.status(resourceRef('apache2'), context);
  assert.equal(status.status, 'failed');
  assert.match('reason' in status ? status.reason : '', /^APACHE_NO_PROCESS: apache2: http:\/\/127\.0\.0\.1:80\/ answers \(HTTP 200\) but no apache main process runs: pid 300 of/);
  assert.deepEqual(await agent.start(resourceRef('apache2'), context), { status: 'running' });
  assert.deepEqual(machine.signals, ['SIGKILL 301', 'SIGKILL 302']);
  assert.ok(machine.removed.includes(PID_FILE), 'the stale pid file is removed before apache starts');
  assert.deepEqual(commands.lines(), ['/usr/sbin/apache2 -f /etc/apache2/apache2.conf -k start']);
});

test('kill -9 of every apache process: status stopped, the pid file left behind is not a process', async () => {
  const { agent, machine, context } = setup();
  machine.runApache(300, PID_FILE, 80);
  machine.signal(-300, 'SIGKILL');
  assert.deepEqual(await agent.status(resourceRef('apache2'), context), { status: 'stopped' });
});

test('not installed, no config, bad parameters: a refusal before anything runs', async () => {
  const machine = new FakeMachine();
  const commands = new FakeApache(machine, { exitCode: 0 });
  const context = agentContext(commands);
  assert.deepEqual(await new Apache2Agent(machine).start(resourceRef('apache2'), context), {
    status: 'not-configured',
    reason: 'APACHE_CONFIG_MISSING: apache2: the config file /etc/apache2/apache2.conf does not exist',
  });
  machine.executables.clear();
  assert.deepEqual(await new Apache2Agent(machine).stop(resourceRef('apache2'), context), {
    status: 'not-installed',
    reason: 'APACHE_NOT_INSTALLED: apache2: /usr/sbin/apache2 is not installed',
  });
  const bad = await new ApacheAgent(machine).status(resourceRef('apache::/x.conf::colour=blue'), context);
  assert.equal(bad.status, 'not-configured');
  assert.match('reason' in bad ? bad.reason : '', /^APACHE_BAD_PARAMETER: apache::\/x\.conf::colour=blue: unknown parameter 'colour'/);
  assert.deepEqual(commands.lines(), []);
});

test("the escape hatch: an admin's /etc/ha.d/resource.d/apache2 runs instead, as heartbeat runs scripts; never for apache", async () => {
  const { agent, machine, commands, context, sink } = setup();
  const script = '/etc/ha.d/resource.d/apache2';
  machine.executables.add(script);
  commands.scripts.set(script, { stdout: 'apache2 is running.\n' });
  assert.deepEqual(await agent.start(resourceRef('apache2'), context), { status: 'running' });
  assert.deepEqual(await agent.status(resourceRef('apache2'), context), { status: 'running' });
  assert.deepEqual(await agent.stop(resourceRef('apache2'), context), { status: 'stopped' });
  assert.deepEqual(commands.lines(), [`${script} start`, `${script} status`, `${script} stop`]);
  assert.ok(sink.messages('info').includes(`Running ${script}  start`));
  assert.deepEqual(agent.validate(resourceRef('apache2'), context), []);

  machine.executables.add('/etc/ha.d/resource.d/apache');
  await new ApacheAgent(machine).status(resourceRef('apache'), context);
  assert.equal(commands.lines().length, 3, "heartbeat's own resource.d/apache is not an admin's choice");
});
