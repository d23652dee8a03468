import 'reflect-metadata';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { container } from 'tsyringe';
import { PluginAgentRegistry } from '../../src/plugins/PluginAgentRegistry.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import type { AgentContext } from '../../src/resources/AgentContext.js';
import type { AgentResult } from '../../src/resources/AgentResult.js';
import type { ResourceAgent } from '../../src/resources/ResourceAgent.js';
import type { ResourceInstance } from '../../src/resources/ResourceInstance.js';
import { refusedResult } from '../../src/resources/refusedResult.js';
import { agentContext } from '../../src/testing/agentContext.js';
import type { DriverAnswer } from '../../src/testing/DriverAnswer.js';
import type { DriverRequest } from '../../src/testing/DriverRequest.js';
import { onLines } from '../../src/testing/onLines.js';
import { resourceRef } from '../../src/testing/resourceRef.js';
import { serveAgentRequests } from '../../src/testing/serveAgentRequests.js';
import { starAgentPlugin } from '../../src/testing/starAgentPlugin.js';

/** Answers what it was asked, with what its context and the request carried. */
class EchoAgent implements ResourceAgent {
  readonly type = 'echo';
  readonly contexts: AgentContext[] = [];

  validate(): [] {
    return [];
  }

  start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    this.contexts.push(context);
    context.logger.info(`starting ${resource.args.join(' ')}`);
    return Promise.resolve({ status: 'running' });
  }

  stop(_resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    return Promise.resolve(refusedResult(context, 'RESOURCE_NO_AGENT', 'will not stop', 'not-installed'));
  }

  status(): Promise<AgentResult> {
    return Promise.resolve({ status: 'stopped' });
  }
}

test('serveAgentRequests: one answer a line, in order, with the agent of the type, its times, its logs and a context from the environment', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  const answers: DriverAnswer[] = [];
  onLines(output, (line) => answers.push(JSON.parse(line) as DriverAnswer));
  const agent = new EchoAgent();
  const asked: [string, DriverRequest][] = [];
  const served = serveAgentRequests(
    (type, request) => {
      asked.push([type, request]);
      return type === 'echo' ? agent : undefined;
    },
    { timeoutMs: 10_000, env: { HL_HA_DIR: '/srv/ha.d', HA_RSCTMP: '/run/x', PATH: '/bin' }, input, output },
  );
  const requests: DriverRequest[] = [
    { id: 1, op: 'start', resource: 'echo::a::b', hide: ['tool'] },
    { id: 2, op: 'stop', resource: 'echo' },
    { id: 3, op: 'validate', resource: 'echo' },
  ];
  input.end(requests.map((r) => `${JSON.stringify(r)}\n`).join(''));
  await served;
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(asked.map(([type, request]) => [type, request.hide]), [['echo', ['tool']], ['echo', undefined], ['echo', undefined]]);
  assert.deepEqual(answers.map((a) => [a.id, a.result, a.logs]), [
    [1, { status: 'running' }, ['info: starting a b']],
    [2, { status: 'not-installed', reason: 'RESOURCE_NO_AGENT: will not stop' }, ['error: RESOURCE_NO_AGENT: will not stop']],
    [3, [], []],
  ]);
  assert.ok(answers.every((a) => a.calledAtMs <= a.returnedAtMs && Math.abs(a.calledAtMs - Number(new Date())) < 60_000), 'epoch ms');
  const [context] = agent.contexts;
  assert.deepEqual([context?.timeoutMs, context?.haDir, context?.env], [10_000, '/srv/ha.d', { HA_RSCTMP: '/run/x' }]);
});

test('serveAgentRequests: HL_TIMEOUT_MS wins over the default; a resource no agent serves ends the serving with an error', async () => {
  const input = new PassThrough();
  const agent = new EchoAgent();
  const served = serveAgentRequests((type) => (type === 'echo' ? agent : undefined), { env: { HL_TIMEOUT_MS: '1234' }, input, output: new PassThrough() });
  input.write(`${JSON.stringify({ id: 1, op: 'start', resource: 'echo' })}\n`);
  input.end(`${JSON.stringify({ id: 2, op: 'start', resource: 'IPaddr::10.0.0.5' })}\n`);
  await assert.rejects(served, /agent driver: no agent for "IPaddr::10.0.0.5"/);
  assert.equal(agent.contexts[0]?.timeoutMs, 1234);
});

test('resourceRef: as the parser gives it, the bare IPv4 form as IPaddr, at line 4 column 7', () => {
  assert.deepEqual(resourceRef('10.0.0.5/24/eth0'), {
    text: '10.0.0.5/24/eth0',
    spec: 'IPaddr::10.0.0.5/24/eth0',
    type: 'IPaddr',
    args: ['10.0.0.5/24/eth0'],
    where: { file: '/etc/ha.d/haresources', line: 4, column: 7 },
  });
  assert.deepEqual(resourceRef('apache::/x.conf::::a=b').args, ['/x.conf', 'a=b']);
  assert.throws(() => resourceRef('a b'), /not one haresources resource/);
});

test('agentContext: node1 on the given runner, logging into the sink', () => {
  const sink = new MemorySink();
  const commands = { run: () => Promise.reject(new Error('not here')) };
  const context = agentContext(commands, { sink, env: { HA_CURHOST: 'node1' } });
  context.logger.warn('hello');
  assert.deepEqual([context.nodeName, context.timeoutMs, context.env, context.commands, sink.messages('warn')], ['node1', 5000, { HA_CURHOST: 'node1' }, commands, ['hello']]);
});

test("starAgentPlugin: a plugin whose StarAgent serves any type core's registry does not find elsewhere", async () => {
  const registry = new PluginAgentRegistry([starAgentPlugin()]);
  assert.deepEqual([...registry.types().keys()], ['*']);
  const agent = await registry.agentFor('nginx', container.createChildContainer());
  assert.equal(agent.constructor.name, 'StarAgent');
  assert.deepEqual(await agent.start({ spec: 'nginx', type: 'nginx', args: [] }, agentContext({ run: () => Promise.reject(new Error('no')) })), { status: 'running' });
});
