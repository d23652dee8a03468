import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, MemorySink, type CommandOutcome, type CommandRequest, type CommandRunner } from '@heartline/core';
import { fenceContext, fenceDevice } from '@heartline/core/testing';
import { SshFencer } from '../src/SshFencer.js';
import { sshSettings } from '../src/sshSettings.js';

/** Answers each command with the next scripted outcome for its program, recording the calls. */
class FakeRunner implements CommandRunner {
  readonly calls: CommandRequest[] = [];
  constructor(private readonly answers: Record<string, Array<Partial<CommandOutcome>>>) {}
  run(request: CommandRequest): Promise<CommandOutcome> {
    this.calls.push(request);
    const next = this.answers[request.file]?.shift() ?? {};
    return Promise.resolve({ exitCode: 0, signal: undefined, stdout: '', stderr: '', timedOut: false, durationMs: 1, ...next });
  }
}

/** A clock whose sleeps end at once (counted), so that the 15 pings take no time. */
class InstantClock extends ManualClock {
  sleeps = 0;
  override sleep(delayMs: number): Promise<void> {
    this.sleeps++;
    this.advance(delayMs);
    return Promise.resolve();
  }
}

const device = fenceDevice('ssh', 'node1,Node2');

describe('ssh: reboot the node over ssh, then wait until it stops answering ping', () => {
  it('validate: hostlist is required', async () => {
    const fencer = new SshFencer();
    assert.deepEqual(await fencer.validate(device), []);
    assert.deepEqual((await fencer.validate(fenceDevice('ssh', ''))).map((i) => i.code), ['FENCE_BAD_PARAMETERS']);
  });

  it('a node not in hostlist is badhost, and nothing runs', async () => {
    const runner = new FakeRunner({});
    const result = await new SshFencer().reset('node3', fenceContext(runner, device));
    assert.deepEqual(result, { status: 'failed', result: 'badhost', reason: 'the ssh device does not control host [node3] (hostlist: node1 node2)' });
    assert.deepEqual(runner.calls, []);
  });

  it('ssh in BatchMode as root runs the reboot; the node is down once a ping gets no reply', async () => {
    const runner = new FakeRunner({ ssh: [{ exitCode: 0 }], ping: [{ exitCode: 0 }, { exitCode: 0 }, { exitCode: 1 }] });
    const clock = new InstantClock();
    const sink = new MemorySink();
    const result = await new SshFencer().reset('node2', fenceContext(runner, device, { clock, sink, env: { HA_CURHOST: 'node1' } }));
    assert.deepEqual(result, { status: 'ok' });
    const [ssh, ...pings] = runner.calls;
    assert.equal(ssh?.file, 'ssh');
    assert.deepEqual(ssh?.args, ['-q', '-x', '-n', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-l', 'root', 'node2', sshSettings.rebootCommand]);
    assert.equal(ssh?.timeoutMs, 5000, 'never longer than the reset may take');
    assert.equal(ssh?.env?.['HA_CURHOST'], 'node1');
    assert.ok(ssh?.signal !== undefined, 'killed (its process group) when the reset is stopped');
    assert.deepEqual(pings.map((p) => `${p.file} ${p.args.join(' ')}`), Array(3).fill('ping -c1 -w1 node2'));
    assert.equal(clock.sleeps, 2, '1 s between pings');
    assert.ok(sink.records.some((r) => r.message === 'Initiating ssh-reset on host: node2'));
  });

  it('ssh failing (the node is unreachable: the usual reason it looks dead) is a failed reset with ssh\'s words', async () => {
    const runner = new FakeRunner({ ssh: [{ exitCode: 255, stderr: 'ssh: connect to host node2 port 22: No route to host\n' }] });
    const result = await new SshFencer().reset('node2', fenceContext(runner, device));
    assert.deepEqual(result, { status: 'failed', result: 'bad', reason: 'ssh root@node2 failed (exit 255): ssh: connect to host node2 port 22: No route to host' });
    assert.equal(runner.calls.length, 1, 'no ping after a failed ssh');
  });

  it('a node that still answers ping after 15 tries was not reset', async () => {
    const runner = new FakeRunner({ ssh: [{ exitCode: 0 }], ping: Array.from({ length: 20 }, () => ({ exitCode: 0 })) });
    const result = await new SshFencer().reset('node1', fenceContext(runner, device, { clock: new InstantClock() }));
    assert.equal(result.status, 'failed');
    assert.equal(runner.calls.filter((c) => c.file === 'ping').length, 15);
  });

  it('ssh that cannot start, or times out, is a failed reset', async () => {
    const missing = await new SshFencer().reset('node1', fenceContext(new FakeRunner({ ssh: [{ exitCode: undefined, spawnError: 'spawn ssh ENOENT' }] }), device));
    assert.deepEqual(missing, { status: 'failed', result: 'bad', reason: 'cannot run ssh: spawn ssh ENOENT' });
    const slow = await new SshFencer().reset('node1', fenceContext(new FakeRunner({ ssh: [{ exitCode: undefined, signal: 'SIGKILL', timedOut: true }] }), device));
    assert.deepEqual(slow, { status: 'failed', result: 'bad', reason: 'ssh to node1 did not finish within 5000 ms' });
  });

  it('status: the ssh client runs', async () => {
    assert.deepEqual(await new SshFencer().status(fenceContext(new FakeRunner({ ssh: [{ exitCode: 0 }] }), device)), { status: 'ok' });
    const broken = await new SshFencer().status(fenceContext(new FakeRunner({ ssh: [{ exitCode: undefined, spawnError: 'spawn ssh ENOENT' }] }), device));
    assert.equal(broken.status, 'failed');
  });
});
