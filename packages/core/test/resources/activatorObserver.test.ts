import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { container } from 'tsyringe';
import { parseHaResources } from '../../src/config/parseHaResources.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import type { ActivatorObserver } from '../../src/resources/ActivatorObserver.js';
import type { AgentResult } from '../../src/resources/AgentResult.js';
import type { CommandRunner } from '../../src/resources/CommandRunner.js';
import { GroupActivator } from '../../src/resources/GroupActivator.js';
import type { GroupOperationSample } from '../../src/resources/GroupOperationSample.js';
import type { ResourceAgent } from '../../src/resources/ResourceAgent.js';
import type { ResourceOperationSample } from '../../src/resources/ResourceOperationSample.js';
import { StaticAgentProvider } from '../../src/resources/StaticAgentProvider.js';
import { ManualClock } from '../../src/time/ManualClock.js';

/** An agent whose operations take `costMs` of the manual clock each; `broken` resources fail to start. */
function timedAgent(clock: ManualClock, costMs: Record<'start' | 'stop' | 'status', number>, broken: ReadonlySet<string>): ResourceAgent {
  const running = new Set<string>();
  const take = (ms: number, result: AgentResult): Promise<AgentResult> => {
    clock.advance(ms);
    return Promise.resolve(result);
  };
  return {
    type: '*',
    validate: () => [],
    start: (r) => {
      if (broken.has(r.spec)) return take(costMs.start, { status: 'failed', reason: 'exit 1', code: 1 });
      running.add(r.spec);
      return take(costMs.start, { status: 'running' });
    },
    stop: (r) => {
      running.delete(r.spec);
      return take(costMs.stop, { status: 'stopped' });
    },
    status: (r) => take(costMs.status, { status: running.has(r.spec) ? 'running' : 'stopped' }),
  };
}

function activator(broken: ReadonlySet<string>, observer: ActivatorObserver | undefined) {
  const clock = new ManualClock();
  const sink = new MemorySink();
  const commands: CommandRunner = { run: () => Promise.reject(new Error('no commands here')) } as unknown as CommandRunner;
  const groups = parseHaResources('node1 svca svcb\n', '/etc/ha.d/haresources', ['node1']).groups;
  const act = new GroupActivator({
    nodeName: 'node1',
    logger: new StructuredLogger([sink], clock),
    clock,
    agents: new StaticAgentProvider([timedAgent(clock, { start: 300, stop: 120, status: 5 }, broken)]),
    container: container.createChildContainer(),
    commands,
    haDir: '/etc/ha.d',
    initDir: '/etc/init.d',
    env: {},
    stopRetries: 0,
    ...(observer === undefined ? {} : { observer }),
  });
  return { act, group: groups[0]!, sink };
}

describe('GroupActivator tells its observer every operation with its duration (metrics)', () => {
  it('reports each status, start and stop of the resources, and each take, give and restart of the group', async () => {
    const resources: ResourceOperationSample[] = [];
    const groups: GroupOperationSample[] = [];
    const { act, group } = activator(new Set(), { resourceOperation: (s) => resources.push(s), groupOperation: (s) => groups.push(s) });
    assert.deepEqual(await act.takeGroup(group), { ok: true });
    assert.deepEqual(
      resources.map((s) => `${s.resource} ${s.operation} ${s.result} ${s.durationMs}`),
      ['svca status stopped 5', 'svca start running 300', 'svcb status stopped 5', 'svcb start running 300'],
    );
    assert.deepEqual(groups, [{ group: 'svca', operation: 'take', ok: true, durationMs: 610 }]);
    assert.equal(resources[0]?.type, 'svca');

    resources.length = 0;
    await act.restartFrom(group, group.resources[1]!);
    await act.check(group.resources[0]!, 1000);
    await act.giveGroup(group);
    assert.deepEqual(
      resources.map((s) => `${s.resource} ${s.operation} ${s.result}`),
      ['svcb stop stopped', 'svcb status stopped', 'svcb start running', 'svca status running', 'svcb stop stopped', 'svca stop stopped'],
    );
    assert.deepEqual(groups.slice(1), [
      { group: 'svca', operation: 'restart', ok: true, durationMs: 425 },
      { group: 'svca', operation: 'give', ok: true, durationMs: 240 },
    ]);
  });

  it('reports a failed take as failed, with the stops it ran; an observer that throws changes nothing', async () => {
    const groups: GroupOperationSample[] = [];
    const resources: ResourceOperationSample[] = [];
    const { act, group } = activator(new Set(['svcb']), { resourceOperation: (s) => resources.push(s), groupOperation: (s) => groups.push(s) });
    const outcome = await act.takeGroup(group);
    assert.equal(outcome.ok, false);
    assert.deepEqual(groups.map((g) => [g.operation, g.ok]), [['take', false]]);
    assert.deepEqual(resources.filter((s) => s.operation === 'start').map((s) => `${s.resource} ${s.result}`), ['svca running', 'svcb failed']);

    const throwing = activator(new Set(), {
      resourceOperation: () => {
        throw new Error('observer bug');
      },
      groupOperation: () => {
        throw new Error('observer bug');
      },
    });
    assert.deepEqual(await throwing.act.takeGroup(throwing.group), { ok: true });
    assert.ok(throwing.sink.records.some((r) => r.level === 'error' && r.message.includes('activator observer failed')));
  });

  it('without an observer, runs as before', async () => {
    const { act, group } = activator(new Set(), undefined);
    assert.deepEqual(await act.takeGroup(group), { ok: true });
    assert.deepEqual(await act.giveGroup(group), { ok: true });
  });
});
