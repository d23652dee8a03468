import { fenceResults, lastOutputLine, type ConfigIssue, type FenceContext, type FenceDevice, type Fencer, type FenceResult } from '@heartline/core';
import { readHostList } from './readHostList.js';
import { sshSettings as S } from './sshSettings.js';

/**
 * cluster-glue's `ssh` device: logs in to the node as root (key-based, BatchMode) and reboots it,
 * then waits until it stops answering ping. Parameter: hostlist, the nodes it may reset; any other
 * node is `badhost`. Like cluster-glue's, fine for testing: a node that the network cannot reach
 * (the usual reason it looks dead) cannot be reset this way, and the reset fails.
 */
export class SshFencer implements Fencer {
  readonly type = 'ssh';

  validate(device: FenceDevice): Promise<ConfigIssue[]> {
    return Promise.resolve(readHostList(device).issues);
  }

  async reset(node: string, context: FenceContext): Promise<FenceResult> {
    const { hosts } = readHostList(context.device);
    if (!hosts.includes(node.toLowerCase())) return fenceResults.badHost(`the ssh device does not control host [${node}] (hostlist: ${hosts.join(' ') || 'empty'})`);
    context.logger.info(`Initiating ssh-reset on host: ${node}`);
    const ssh = await context.commands.run({
      file: 'ssh',
      args: [...S.options, node, S.rebootCommand],
      env: context.env,
      timeoutMs: Math.min(S.sshTimeoutMs, context.timeoutMs),
      signal: context.signal,
    });
    if (ssh.spawnError !== undefined) return fenceResults.bad(`cannot run ssh: ${ssh.spawnError}`);
    if (ssh.timedOut) return fenceResults.bad(`ssh to ${node} did not finish within ${Math.min(S.sshTimeoutMs, context.timeoutMs)} ms`);
    if (ssh.exitCode !== 0) {
      const why = lastOutputLine(ssh) ?? '';
      return fenceResults.bad(`ssh root@${node} failed (${ssh.exitCode === undefined ? `signal ${ssh.signal ?? '?'}` : `exit ${ssh.exitCode}`})${why === '' ? '' : `: ${why}`}`);
    }
    return this.waitDown(node, context);
  }

  /** ssh itself works: OpenSSH's client is installed and runs. */
  async status(context: FenceContext): Promise<FenceResult> {
    const outcome = await context.commands.run({ file: 'ssh', args: ['-V'], env: context.env, timeoutMs: Math.min(10_000, context.timeoutMs), signal: context.signal });
    if (outcome.exitCode === 0) return fenceResults.ok();
    return fenceResults.bad(outcome.spawnError === undefined ? `ssh -V exited ${outcome.exitCode ?? outcome.signal ?? '?'}` : `cannot run ssh: ${outcome.spawnError}`);
  }

  /** cluster-glue's check that the reboot did happen: the node stops answering ping. */
  private async waitDown(node: string, context: FenceContext): Promise<FenceResult> {
    for (let attempt = 1; attempt <= S.pingAttempts; attempt++) {
      const ping = await context.commands.run({
        file: 'ping',
        args: ['-c1', '-w1', node],
        env: context.env,
        timeoutMs: S.pingTimeoutMs,
        signal: context.signal,
      });
      if (context.signal.aborted) return fenceResults.bad(`the reset of ${node} was stopped while waiting for it to go down`);
      // ping exits 1 when no reply came: the node is down. 0 is a reply; 2 and others are errors.
      if (ping.exitCode === 1) return fenceResults.ok();
      if (ping.spawnError !== undefined) return fenceResults.bad(`cannot run ping to check that ${node} went down: ${ping.spawnError}`);
      try {
        await context.clock.sleep(S.pingIntervalMs, context.signal);
      } catch {
        return fenceResults.bad(`the reset of ${node} was stopped while waiting for it to go down`);
      }
    }
    return fenceResults.bad(`${node} still answers ping ${S.pingAttempts} s after ssh started its reboot: the reset did not work`);
  }
}
