import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecaCommandRunner } from '@heartline/core/sdk';
import { agentContext, checkAgentConformance, resourceRef, StaticAgentProvider } from '@heartline/core/testing';
import { HelloAgent } from '../src/HelloAgent.js';

const dir = mkdtempSync(join(tmpdir(), 'hello-agent-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('validate reports every problem with the arguments, at the resource', () => {
  const agent = new HelloAgent();
  assert.deepEqual(agent.validate(resourceRef(`Hello::${dir}/greeting`)), []);
  const issues = agent.validate(resourceRef('Hello::greeting::colour=red'));
  assert.deepEqual(issues.map((i) => [i.code, i.severity, i.line, i.message]), [
    ['RESOURCE_BAD_ARGUMENTS', 'error', 4, 'Hello::greeting::colour=red: path "greeting": must be an absolute path (write Hello::/path/of/the/file[::greeting=TEXT])'],
    ['RESOURCE_BAD_ARGUMENTS', 'error', 4, 'Hello::greeting::colour=red: unknown parameter "colour" (it takes greeting) (write Hello::/path/of/the/file[::greeting=TEXT])'],
  ]);
  assert.deepEqual(agent.validate(resourceRef(`Hello::${dir}/nowhere/greeting`)).map((i) => i.severity), ['warning']);
});

test('start writes the greeting naming the node, stop removes it; arguments that cannot work are refused', async () => {
  const agent = new HelloAgent();
  const context = { ...agentContext(new ExecaCommandRunner()), nodeName: 'alice' };
  const file = join(dir, 'greeting');
  assert.deepEqual(await agent.start(resourceRef(`Hello::${file}`), context), { status: 'running' });
  assert.equal(readFileSync(file, 'utf8'), 'Hello from alice\n');
  assert.deepEqual(await agent.start(resourceRef(`Hello::${file}::greeting=Bonjour`), context), { status: 'running' });
  assert.equal(readFileSync(file, 'utf8'), 'Bonjour\n');
  assert.deepEqual(await agent.stop(resourceRef(`Hello::${file}`), context), { status: 'stopped' });
  assert.equal(existsSync(file), false);
  const refused = await agent.start(resourceRef('Hello::relative'), context);
  assert.equal(refused.status, 'not-configured');
});

test('it passes the checks ha agent test runs, a start in a missing directory being its failed start', async () => {
  const report = await checkAgentConformance({
    agents: new StaticAgentProvider([new HelloAgent()]),
    resource: resourceRef(`Hello::${dir}/conformance`),
    failing: resourceRef(`Hello::${dir}/missing/conformance`),
  });
  assert.deepEqual(report.checks.filter((c) => c.verdict !== 'pass'), []);
});
