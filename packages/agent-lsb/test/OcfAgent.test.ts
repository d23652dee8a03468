import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { errorCatalogue } from '@heartline/core';
import { OcfAgent } from '../src/OcfAgent.js';
import { parseOcfInstance } from '../src/parseOcfInstance.js';
import { resourceRef, Sandbox } from './helpers/Sandbox.js';

const box = new Sandbox();
after(() => box.remove());
const agent = new OcfAgent();

/**
 * A small OCF agent: state in $OCF_RESKEY_state, its environment dumped to $OCF_RESKEY_state.env,
 * and failures on demand through $OCF_RESKEY_fail_<operation>=<exit code>.
 */
const fakeAgent = box.script(
  'ocf/resource.d/heartbeat/Fake',
  [
    'env | grep -E "^OCF_" | sort > "$OCF_RESKEY_state.env"',
    'echo "$@" > "$OCF_RESKEY_state.args"',
    'eval "fail=\\${OCF_RESKEY_fail_$1:-}"',
    'if [ -n "$fail" ]; then echo "Fake: $1 refused" >&2; exit "$fail"; fi',
    'case "$1" in',
    '  start) touch "$OCF_RESKEY_state"; exit 0;;',
    '  stop) rm -f "$OCF_RESKEY_state"; exit 0;;',
    '  monitor) [ -f "$OCF_RESKEY_state" ] && exit 0; exit 7;;',
    '  status) echo "status is not an OCF operation" >&2; exit 3;;',
    '  *) exit 3;;',
    'esac',
  ].join('\n'),
);

function instance(name: string, lines: string[]): string {
  return box.file(`ha.d/conf/OCF/Fake/${name}`, `${lines.join('\n')}\n`);
}

test('serves OCF::type::instance', () => {
  assert.equal(agent.type, 'OCF');
});

test('start, monitor, stop: parameters from the instance file, OCF_ROOT, instance and type in the environment', async () => {
  const state = box.path('web.state');
  instance('web', ['# parameters of the web instance', `  state=${state}   # trailing comment`, 'OCF_RESKEY_ip="10.0.0.5"', "name='my web'", 'not an assignment']);
  const ref = resourceRef('OCF::Fake::web');

  assert.deepEqual(await agent.status(ref, box.context()), { status: 'stopped' });
  assert.equal(readFileSync(`${state}.args`, 'utf8'), 'monitor\n', 'status runs monitor, alone');

  const before = box.sink.records.length;
  assert.deepEqual(await agent.start(ref, box.context()), { status: 'running' });
  assert.ok(existsSync(state));
  assert.equal(readFileSync(`${state}.args`, 'utf8'), 'start\n');
  const env = readFileSync(`${state}.env`, 'utf8').trim().split('\n');
  assert.deepEqual(env, [
    'OCF_RESKEY_ip=10.0.0.5',
    'OCF_RESKEY_name=my web',
    `OCF_RESKEY_state=${state}`,
    'OCF_RESOURCE_INSTANCE=web',
    'OCF_RESOURCE_PROVIDER=heartbeat',
    'OCF_RESOURCE_TYPE=Fake',
    `OCF_ROOT=${box.ocfRoot}`,
  ]);
  assert.deepEqual(
    box.sink.records.slice(before).filter((r) => r.level !== 'debug').map((r) => `${r.level}: ${r.message}`),
    [`info: Running ${fakeAgent} start (OCF_RESOURCE_INSTANCE=web)`],
  );

  assert.deepEqual(await agent.status(ref, box.context()), { status: 'running' });
  assert.deepEqual(await agent.stop(ref, box.context()), { status: 'stopped' });
  assert.deepEqual(await agent.status(ref, box.context()), { status: 'stopped' });
  assert.ok(!box.messages('error').some((m) => m.includes('Return code 7')), 'monitor answering 7 is not an error');
});

test('exit codes: monitor errors are failed with the OCF name; start 1 failed, 6 not-configured, 5 not-installed', async () => {
  const state = box.path('bad.state');
  instance('bad', [`state=${state}`, 'fail_monitor=1']);
  assert.deepEqual(await agent.status(resourceRef('OCF::Fake::bad'), box.context()), {
    status: 'failed',
    code: 1,
    reason: 'OCF_ERR_GENERIC: Fake: monitor refused',
  });

  instance('bad', [`state=${state}`, 'fail_start=1']);
  assert.deepEqual(await agent.start(resourceRef('OCF::Fake::bad'), box.context()), {
    status: 'failed',
    code: 1,
    reason: 'OCF_ERR_GENERIC: Fake: start refused',
  });
  assert.ok(box.messages('error').includes(`Return code 1 from ${fakeAgent}`));

  instance('bad', [`state=${state}`, 'fail_start=6']);
  assert.deepEqual(await agent.start(resourceRef('OCF::Fake::bad'), box.context()), {
    status: 'not-configured',
    reason: 'OCF_ERR_CONFIGURED: Fake: start refused',
  });

  instance('bad', [`state=${state}`, 'fail_start=5']);
  assert.equal((await agent.start(resourceRef('OCF::Fake::bad'), box.context())).status, 'not-installed');

  instance('bad', [`state=${state}`, 'fail_stop=7']);
  assert.deepEqual(await agent.stop(resourceRef('OCF::Fake::bad'), box.context()), { status: 'stopped' }, 'stop answering not running is stopped');
});

test('a hanging agent times out', async () => {
  box.script('ocf/resource.d/heartbeat/Hang', 'sleep 30');
  box.file('ha.d/conf/OCF/Hang/one', 'x=1\n');
  assert.deepEqual(await agent.start(resourceRef('OCF::Hang::one'), box.context({ timeoutMs: 200 })), { status: 'timed-out', afterMs: 200 });
});

test('missing agent is not-installed, missing instance file not-configured; nothing runs', async () => {
  assert.deepEqual(await agent.start(resourceRef('OCF::Nope::x'), box.context()), {
    status: 'not-installed',
    reason: `OCF resource agent ${box.ocfRoot}/resource.d/heartbeat/Nope is missing or not executable`,
  });
  const result = await agent.status(resourceRef('OCF::Fake::nosuchinstance'), box.context());
  assert.equal(result.status, 'not-configured');
  assert.match((result as { reason: string }).reason, /conf\/OCF\/Fake\/nosuchinstance \(ENOENT\)/);
  assert.equal((await agent.stop(resourceRef('OCF::Fake'), box.context())).status, 'not-configured');
});

test('OCF_ROOT defaults to /usr/lib/ocf', async () => {
  const result = await agent.start(resourceRef('OCF::NoSuchAgentAnywhere::x'), box.context({ env: {} }));
  assert.deepEqual(result, { status: 'not-installed', reason: 'OCF resource agent /usr/lib/ocf/resource.d/heartbeat/NoSuchAgentAnywhere is missing or not executable' });
});

test('validate: RESOURCE_OCF_MISSING for the agent and for the instance file, at once', () => {
  const issues = agent.validate(resourceRef('OCF::Nope::x'), box.validateContext());
  assert.deepEqual(
    issues.map((i) => [i.code, i.severity, i.file, i.line, i.column, i.message, i.hint]),
    [
      [
        'RESOURCE_OCF_MISSING',
        'warning',
        '/etc/ha.d/haresources',
        3,
        20,
        `OCF::Nope::x: the OCF resource agent ${box.ocfRoot}/resource.d/heartbeat/Nope is missing`,
        errorCatalogue.RESOURCE_OCF_MISSING.hint,
      ],
      [
        'RESOURCE_OCF_MISSING',
        'warning',
        '/etc/ha.d/haresources',
        3,
        20,
        `OCF::Nope::x: the instance parameters file ${box.haDir}/conf/OCF/Nope/x is missing`,
        errorCatalogue.RESOURCE_OCF_MISSING.hint,
      ],
    ],
  );
});

test('validate: only the instance file missing; a non-executable agent; all present is clean', () => {
  assert.deepEqual(
    agent.validate(resourceRef('OCF::Fake::ghost'), box.validateContext()).map((i) => i.message),
    [`OCF::Fake::ghost: the instance parameters file ${box.haDir}/conf/OCF/Fake/ghost is missing`],
  );
  box.script('ocf/resource.d/heartbeat/Plain', 'exit 0', 0o644);
  box.file('ha.d/conf/OCF/Plain/p', 'a=1\n');
  assert.deepEqual(
    agent.validate(resourceRef('OCF::Plain::p'), box.validateContext()).map((i) => i.message),
    [`OCF::Plain::p: the OCF resource agent ${box.ocfRoot}/resource.d/heartbeat/Plain is not executable`],
  );
  instance('clean', ['state=/nonexistent']);
  assert.deepEqual(agent.validate(resourceRef('OCF::Fake::clean'), box.validateContext()), []);
  assert.deepEqual(agent.validate(resourceRef('OCF::Fake'), box.validateContext()), [], 'the haresources parser reports a missing instance');
});

test('parseOcfInstance: comments, blanks, quotes, export, OCF_ names as written', () => {
  assert.deepEqual(
    parseOcfInstance(
      [
        '# IPaddr2 parameters',
        'ip=10.0.0.5 # the service address',
        '\tcidr_netmask = 24',
        'export nic="eth1"',
        "label='a b'",
        'OCF_RESKEY_broadcast=10.0.0.255',
        'OCF_CHECK_LEVEL=10',
        'empty=',
        '',
        'garbage line',
      ].join('\n'),
    ),
    {
      OCF_RESKEY_ip: '10.0.0.5',
      OCF_RESKEY_nic: 'eth1',
      OCF_RESKEY_label: 'a b',
      OCF_RESKEY_broadcast: '10.0.0.255',
      OCF_CHECK_LEVEL: '10',
      OCF_RESKEY_empty: '',
    },
  );
});
