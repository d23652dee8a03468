import type { AgentContext } from '@heartline/core';
import { burstLengthMs } from './burstLengthMs.js';
import { formatIp } from './formatIp.js';
import { garpArguments } from './garpArguments.js';
import type { GarpTool } from './GarpTool.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { lastLine } from './lastLine.js';
import type { ResolvedAddress } from './ResolvedAddress.js';
import { WatchedCommand } from './WatchedCommand.js';

/** How long start waits for the tool's first packet before it goes on without the proof. */
const FIRST_PACKET_TIMEOUT_MS = 1000;

/**
 * One burst of gratuitous ARPs (or unsolicited neighbour advertisements): ONE process for the
 * whole burst, started through the CommandRunner; `start` resolves once its first packet is on
 * the wire and the rest goes on in the background, as heartbeat's IPaddr runs send_arp with `&`.
 * `stop` kills it (the resource's stop does, as heartbeat's kills send_arp by its pid file).
 */
export class GarpBurst {
  private stopped = false;

  private constructor(private readonly command: WatchedCommand) {}

  static async start(
    tool: GarpTool,
    resolved: ResolvedAddress,
    context: AgentContext,
    env: Pick<IpAddrEnvironment, 'processState' | 'removeFile'>,
    pidFile: string,
  ): Promise<{ readonly burst: GarpBurst; readonly confirmed: boolean } | { readonly failed: string }> {
    const args = garpArguments(tool, resolved, pidFile);
    const ip = formatIp(resolved.spec.bytes);
    context.logger.debug(`Sending Gratuitous Arp for ${ip} on ${resolved.link.name}: ${tool.path} ${args.join(' ')}`);
    const command = new WatchedCommand({ file: tool.path, args, env: context.env, timeoutMs: burstLengthMs(tool, resolved.spec) }, tool.exe, context, env);
    const burst = new GarpBurst(command);
    void command.finished.then((outcome) => {
      // send_arp leaves its pid file behind when killed, and kills whatever pid an old one names.
      if (tool.kind === 'send_arp') env.removeFile(pidFile);
      for (const line of `${outcome.stdout}\n${outcome.stderr}`.split('\n')) if (line.trim() !== '') context.logger.debug(line.trimEnd());
      if (!burst.stopped && outcome.exitCode !== 0) context.logger.warn(`${tool.kind} for ${ip} on ${resolved.link.name} ended early: ${lastLine(outcome)}`);
    });
    const first = await command.firstPacket(FIRST_PACKET_TIMEOUT_MS);
    if (first === 'exited' && command.result?.exitCode !== 0) {
      return { failed: `${tool.path} ${args.join(' ')}: ${command.result === undefined ? 'ended' : lastLine(command.result)}` };
    }
    if (first === 'unconfirmed') {
      context.logger.warn(`${tool.kind} for ${ip}: its first packet could not be confirmed within ${FIRST_PACKET_TIMEOUT_MS} ms (is /proc readable?); going on`);
    }
    return { burst, confirmed: first !== 'unconfirmed' };
  }

  /** Kills the burst if it still runs. */
  stop(): void {
    this.stopped = true;
    this.command.kill();
  }

  /** Resolves when its process has ended. */
  get finished(): Promise<unknown> {
    return this.command.finished;
  }
}
