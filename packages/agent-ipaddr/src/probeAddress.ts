import type { AgentContext } from '@heartline/core';
import { formatIp } from './formatIp.js';
import type { GarpTool } from './GarpTool.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { lastLine } from './lastLine.js';
import type { ProbeResult } from './ProbeResult.js';
import type { ResolvedAddress } from './ResolvedAddress.js';
import { WatchedCommand } from './WatchedCommand.js';

const REPLY = /reply from [0-9.]+ \[([0-9A-Fa-f:]{17})\]/;

/**
 * One ARP probe for the address before it is added (RFC 5227: sender 0.0.0.0, so no cache learns
 * anything from it): `arping -D -c 1 -w 1 -I NIC IP`. arping's own wait is whole seconds, so the
 * window is ours: `probeMs` from the moment the probe is on the wire (see WatchedCommand). A host
 * answering within it makes arping exit 1 with `Unicast reply from IP [MAC]`; silence means free,
 * and arping is killed. heartbeat's IPaddr refused an address that answered its ping the same way.
 */
export async function probeAddress(
  arping: GarpTool,
  resolved: ResolvedAddress,
  context: AgentContext,
  env: Pick<IpAddrEnvironment, 'processState'>,
): Promise<ProbeResult> {
  const ip = formatIp(resolved.spec.bytes);
  const probe = new WatchedCommand(
    { file: arping.path, args: ['-D', '-c', '1', '-w', '1', '-I', resolved.link.name, ip], env: context.env, timeoutMs: 5000 },
    arping.exe,
    context,
    env,
  );
  const started = await probe.firstPacket(1000);
  const answered = started === 'exited' || (await probe.endsWithin(resolved.spec.probeMs));
  const outcome = answered ? probe.result ?? (await probe.finished) : undefined;
  if (outcome === undefined) {
    probe.kill();
    return { status: 'free' };
  }
  const mac = REPLY.exec(outcome.stdout)?.[1];
  if (outcome.exitCode === 1 && mac !== undefined) return { status: 'in-use', mac: mac.toLowerCase() };
  if (outcome.exitCode === 0) return { status: 'free' };
  return { status: 'failed', reason: `arping -D -I ${resolved.link.name} ${ip}: ${lastLine(outcome)}` };
}
