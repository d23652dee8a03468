import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { errorCatalogue } from '@heartline/core';
import { ScriptAgent } from '../src/ScriptAgent.js';
import { resourceRef, Sandbox } from './helpers/Sandbox.js';

const box = new Sandbox();
after(() => box.remove());
const agent = new ScriptAgent();

/** An LSB-ish script that records how it was called in `<name>.calls` and answers status with `status`. */
function recorder(path: string, status = 'echo "svc is running"'): string {
  const calls = box.path(`${path.replace(/\//g, '_')}.calls`);
  box.script(path, `echo "$*" >> ${calls}\ncase "$1$2$3" in *status) ${status};; esac\nexit 0`);
  return calls;
}

test('serves any name', () => {
  assert.equal(agent.type, '*');
});

test('lookup: resource.d beats init.d', async () => {
  const inResourceD = box.script('ha.d/resource.d/both', 'echo "from resource.d"');
  box.script('init.d/both', 'echo "from init.d"');
  const sink = box.sink.records.length;
  assert.deepEqual(await agent.start(resourceRef('both'), box.context()), { status: 'running' });
  const logged = box.sink.records.slice(sink);
  assert.ok(logged.some((r) => r.level === 'info' && r.message === `Running ${inResourceD}  start`));
  assert.ok(logged.some((r) => r.level === 'debug' && r.message === 'from resource.d'));
  assert.ok(!logged.some((r) => r.message.includes('from init.d')));
});

test('lookup: a non-executable file or a directory in resource.d is skipped for init.d', async () => {
  box.script('ha.d/resource.d/plainfile', 'echo wrong', 0o644);
  const plainCalls = recorder('init.d/plainfile');
  mkdirSync(box.path('ha.d/resource.d/adir'));
  const dirCalls = recorder('init.d/adir');
  assert.deepEqual(await agent.start(resourceRef('plainfile'), box.context()), { status: 'running' });
  assert.deepEqual(await agent.stop(resourceRef('adir'), box.context()), { status: 'stopped' });
  assert.equal(readFileSync(plainCalls, 'utf8'), 'start\n');
  assert.equal(readFileSync(dirCalls, 'utf8'), 'stop\n');
});

test('lookup: no script anywhere is not-installed, in heartbeat words, and nothing runs', async () => {
  box.script('init.d/notexec', 'exit 0', 0o644);
  for (const operation of ['start', 'stop', 'status'] as const) {
    const result = await agent[operation](resourceRef('nosuchscript'), box.context());
    assert.deepEqual(result, { status: 'not-installed', reason: 'Cannot locate resource script nosuchscript' });
  }
  assert.deepEqual(await agent.start(resourceRef('notexec'), box.context()), {
    status: 'not-installed',
    reason: 'Cannot locate resource script notexec',
  });
  assert.ok(box.messages('error').includes('Cannot locate resource script nosuchscript'));
});

test('invocation: arguments first, operation last, and the Running line as heartbeat prints it', async () => {
  const path = box.script('ha.d/resource.d/Filesystem', `echo "$*" > ${box.path('fs.args')}`);
  const result = await agent.start(resourceRef('Filesystem::/dev/sda1::/data1::ext2'), box.context());
  assert.deepEqual(result, { status: 'running' });
  assert.equal(readFileSync(box.path('fs.args'), 'utf8'), '/dev/sda1 /data1 ext2 start\n');
  assert.ok(box.messages('info').includes(`Running ${path} /dev/sda1 /data1 ext2 start`));

  await agent.stop(resourceRef('Filesystem::/dev/sda1::/data1::ext2'), box.context());
  assert.equal(readFileSync(box.path('fs.args'), 'utf8'), '/dev/sda1 /data1 ext2 stop\n');

  await agent.status(resourceRef('Filesystem::/dev/sda1::/data1::ext2'), box.context());
  assert.equal(readFileSync(box.path('fs.args'), 'utf8'), '/dev/sda1 /data1 ext2 status\n');
  assert.ok(!box.messages('info').some((m) => m.endsWith(' status')), 'heartbeat logs no Running line for status');
});

test('no arguments: two blanks between the path and the operation, as in heartbeat ha-log', async () => {
  const path = box.script('init.d/hbldummy', 'exit 0');
  await agent.start(resourceRef('hbldummy'), box.context());
  assert.ok(box.messages('info').includes(`Running ${path}  start`));
});

test('the scripts get the context environment', async () => {
  box.script('init.d/envdump', `echo "$HA_CURHOST $EXTRA" > ${box.path('env.out')}`);
  await agent.start(resourceRef('envdump'), box.context({ env: { HA_CURHOST: 'node7', EXTRA: 'yes' } }));
  assert.equal(readFileSync(box.path('env.out'), 'utf8'), 'node7 yes\n');
});

const statusCases: [string, string, number, 'running' | 'stopped'][] = [
  ['"is not running" with exit 0 is stopped', 'echo "svc is not running"', 0, 'stopped'],
  ['"running" with exit 3 is running', 'echo "svc (pid 42) is running..."', 3, 'running'],
  ['"OK" is running', 'echo "[  OK  ]"', 1, 'running'],
  ['"NOT currently Running" is stopped (anything between "not " and "running")', 'echo "NOT currently Running"', 0, 'stopped'],
  ['"notrunning" without the blank is running, as the shell pattern says', 'echo "notrunning"', 0, 'running'],
  ['"stopped" with exit 0 is stopped', 'echo "svc is stopped"', 0, 'stopped'],
  ['"ok" in lower case is stopped', 'echo "ok"', 0, 'stopped'],
  ['nothing on stdout is stopped, whatever stderr says', 'echo "running" >&2', 0, 'stopped'],
  ['the answer may be on any line of stdout', 'printf "checking\\nsvc is running\\n"', 0, 'running'],
];
for (const [name, body, code, expected] of statusCases) {
  test(`status reads stdout only: ${name}`, async () => {
    const script = `status_${statusCases.findIndex((c) => c[0] === name)}`;
    box.script(`init.d/${script}`, `${body}\nexit ${code}`);
    assert.deepEqual(await agent.status(resourceRef(script), box.context()), { status: expected });
  });
}

test('start failure: failed with the exit code and the last stderr line; Return code logged; output at debug', async () => {
  const path = box.script('init.d/badsvc', 'echo "Starting badsvc"\necho "bind: address already in use" >&2\nexit 2');
  const before = box.sink.records.length;
  const result = await agent.start(resourceRef('badsvc'), box.context());
  assert.deepEqual(result, { status: 'failed', code: 2, reason: 'bind: address already in use' });
  const logged = box.sink.records.slice(before).map((r) => `${r.level}: ${r.message}`);
  assert.deepEqual(logged, [
    `info: Running ${path}  start`,
    'debug: Starting badsvc',
    'debug: bind: address already in use',
    `error: Return code 2 from ${path}`,
  ]);
});

test('stop failure without stderr: the last stdout line is the reason; silent failure names the code', async () => {
  box.script('init.d/stubborn', 'echo "Stopping stubborn: FAILED"\nexit 1');
  assert.deepEqual(await agent.stop(resourceRef('stubborn'), box.context()), { status: 'failed', code: 1, reason: 'Stopping stubborn: FAILED' });
  box.script('init.d/mute', 'exit 4');
  assert.deepEqual(await agent.start(resourceRef('mute'), box.context()), { status: 'failed', code: 4, reason: 'exit code 4' });
});

test('start timeout: timed-out after the context timeout, the script killed', async () => {
  box.script('init.d/hangs', `echo $$ > ${box.path('hangs.pid')}\nexec sleep 30`);
  const result = await agent.start(resourceRef('hangs'), box.context({ timeoutMs: 300 }));
  assert.deepEqual(result, { status: 'timed-out', afterMs: 300 });
  const pid = Number(readFileSync(box.path('hangs.pid'), 'utf8'));
  assert.throws(() => process.kill(pid, 0), /ESRCH/);
  assert.ok(box.messages('error').some((m) => m.includes('hangs start timed out after 300 ms')));
});

test('status timeout is timed-out too (the activator counts it as not running)', async () => {
  box.script('init.d/slowstatus', 'sleep 30');
  assert.deepEqual(await agent.status(resourceRef('slowstatus'), box.context({ timeoutMs: 200 })), { status: 'timed-out', afterMs: 200 });
});

test('validate: RESOURCE_SCRIPT_MISSING at the haresources position, naming both places', () => {
  const issues = agent.validate(resourceRef('apache9'), box.validateContext());
  assert.equal(issues.length, 1);
  const [issue] = issues;
  assert.deepEqual(
    { ...issue },
    {
      file: '/etc/ha.d/haresources',
      line: 3,
      column: 20,
      code: 'RESOURCE_SCRIPT_MISSING',
      severity: 'warning',
      message: `Cannot locate resource script apache9: no executable ${box.haDir}/resource.d/apache9 or ${box.initDir}/apache9`,
      hint: errorCatalogue.RESOURCE_SCRIPT_MISSING.hint,
    },
  );
});

test('validate: a script that exists but is not executable is named in the issue', () => {
  box.script('init.d/noexec2', 'exit 0', 0o640);
  const [issue] = agent.validate(resourceRef('noexec2'), box.validateContext());
  assert.match(issue?.message ?? '', new RegExp(`${box.initDir}/noexec2 exists but is not executable \\(chmod \\+x\\)`));
});

test('validate: nothing to say when a script is found in either place', () => {
  box.script('init.d/present', 'exit 0');
  box.script('ha.d/resource.d/IPaddr', 'exit 0');
  assert.deepEqual(agent.validate(resourceRef('present'), box.validateContext()), []);
  assert.deepEqual(agent.validate(resourceRef('IPaddr::10.0.0.5/24/eth1'), box.validateContext()), []);
});
