import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BypassdAgent } from '../src/BypassdAgent.js';
import { resourceRef, Sandbox } from './helpers/Sandbox.js';

const box = new Sandbox();
after(() => box.remove());
const agent = new BypassdAgent();

test('validate: says /etc/init.d/bypassd is missing and how to get it', () => {
  const issues = agent.validate(resourceRef('bypassd', '/etc/ha.d/haresources'), box.validateContext());
  assert.equal(issues.length, 1);
  const [issue] = issues;
  assert.equal(issue?.code, 'RESOURCE_SCRIPT_MISSING');
  assert.equal(issue?.severity, 'warning');
  assert.equal(issue?.line, 3);
  assert.match(issue?.message ?? '', new RegExp(`^bypassd: ${box.initDir}/bypassd is missing: no executable ${box.haDir}/resource.d/bypassd or ${box.initDir}/bypassd$`));
  assert.match(issue?.hint ?? '', /ClearOS bypassd package/);
  assert.match(issue?.hint ?? '', /init script/);
});

test('runs /etc/init.d/bypassd as any init script: operation last, status from stdout', async () => {
  const path = box.script('init.d/bypassd', `echo "$*" >> ${box.path('bypassd.calls')}\n[ "$1" = status ] && echo "bypassd is stopped"\nexit 0`);
  assert.deepEqual(agent.validate(resourceRef('bypassd'), box.validateContext()), []);
  assert.deepEqual(await agent.status(resourceRef('bypassd'), box.context()), { status: 'stopped' });
  assert.deepEqual(await agent.start(resourceRef('bypassd'), box.context()), { status: 'running' });
  assert.deepEqual(await agent.stop(resourceRef('bypassd'), box.context()), { status: 'stopped' });
  assert.equal(readFileSync(box.path('bypassd.calls'), 'utf8'), 'status\nstart\nstop\n');
  assert.ok(box.messages('info').includes(`Running ${path}  start`));
  assert.equal(agent.type, 'bypassd');
});
