import type { AgentContext, AgentResult } from '@heartline/core';
import { refusedResult } from '@heartline/core';
import type { AddressChange } from './AddressChange.js';
import { addressLabel } from './addressLabel.js';
import type { AddressSpec } from './AddressSpec.js';
import type { BurstRegistry } from './BurstRegistry.js';
import { describeAdd } from './describeAdd.js';
import { GarpBurst } from './GarpBurst.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { locateGarpTool } from './locateGarpTool.js';
import { locateTool } from './locateTool.js';
import type { NetlinkPort } from './NetlinkPort.js';
import { netlinkRefusal } from './netlinkRefusal.js';
import { probeAddress } from './probeAddress.js';
import { resolveAddress } from './resolveAddress.js';
import { sameBytes } from './sameBytes.js';

/** heartbeat's $HA_RSCTMP, where send_arp's pid files go. */
const DEFAULT_RSCTMP = '/run/resource-agents';

/**
 * Start: the tools found, the address placed (findif), nothing done if it is already there, the
 * interface up, one ARP probe for another holder, the address added, the burst started and its first
 * packet on the wire. Everything that can refuse does so before the address is added; a burst that
 * cannot start removes the address again, so a failed start leaves nothing behind.
 */
export async function startAddress(
  spec: AddressSpec,
  port: NetlinkPort,
  context: AgentContext,
  env: IpAddrEnvironment,
  bursts: BurstRegistry,
): Promise<AgentResult> {
  const garpTool = locateGarpTool(spec.family, env);
  if ('missing' in garpTool) return refusedResult(context, 'IPADDR_TOOL_MISSING', `${spec.type} ${spec.address}: ${garpTool.missing}`, 'not-installed');
  const arping = spec.probeMs > 0 ? locateTool('arping', env) : undefined;
  if (spec.probeMs > 0 && arping === undefined) {
    const message = `${spec.type} ${spec.address}: arping (Debian package iputils-arping) is needed for the duplicate-address probe (or write ::probe_ms=0)`;
    return refusedResult(context, 'IPADDR_TOOL_MISSING', message, 'not-installed');
  }
  let state;
  try {
    state = await Promise.all([port.links(), port.routes(spec.family), port.addresses(spec.family)]);
  } catch (error) {
    return netlinkRefusal(context, error, `cannot read the interfaces, routes and addresses for ${spec.address}`);
  }
  const [links, routes, addresses] = state;
  const placed = resolveAddress(spec, links, routes);
  if ('problem' in placed) return refusedResult(context, placed.problem.code, placed.problem.message);
  const { resolved } = placed;
  const { link } = resolved;
  const holders = addresses.filter((a) => sameBytes(a.bytes, spec.bytes));
  if (holders.some((a) => a.index === link.index)) {
    context.logger.info(`${spec.address} is already on ${link.name}: nothing to do`);
    return { status: 'running' };
  }
  if (holders.length > 0) {
    const others = holders.map((a) => links.find((l) => l.index === a.index)?.name ?? `#${a.index}`).join(', ');
    return refusedResult(context, 'IPADDR_WRONG_INTERFACE', `${spec.address} is already on ${others}, not on the configured ${link.name}; not adding it`);
  }
  if (!link.up) return refusedResult(context, 'IPADDR_INTERFACE_DOWN', `${spec.type} ${spec.address}: interface ${link.name} is down; not adding the address`);
  if (arping !== undefined) {
    const probe = await probeAddress(arping, resolved, context, env);
    if (probe.status === 'in-use') {
      return refusedResult(context, 'IPADDR_IN_USE', `${spec.address} is already in use on the network: ${probe.mac} answered an ARP probe on ${link.name}; not adding it`);
    }
    if (probe.status === 'failed') return refusedResult(context, 'IPADDR_GARP_FAILED', `the duplicate-address probe failed: ${probe.reason}`);
  }
  const label = addressLabel(resolved, addresses);
  const change: AddressChange = {
    family: spec.family,
    index: link.index,
    bytes: spec.bytes,
    prefixLength: resolved.prefixLength,
    ...(resolved.broadcast === undefined ? {} : { broadcast: resolved.broadcast }),
    ...(label === undefined ? {} : { label }),
  };
  context.logger.info(describeAdd(resolved, change));
  try {
    await port.addAddress(change);
  } catch (error) {
    return netlinkRefusal(context, error, `cannot add ${spec.address}/${resolved.prefixLength} to ${link.name}`);
  }
  const pidFile = bursts.pidFile(context.env['HA_RSCTMP'] ?? DEFAULT_RSCTMP, spec);
  const garp = await GarpBurst.start(garpTool.tool, resolved, context, env, pidFile);
  if ('failed' in garp) {
    await port.removeAddress(change).catch((error: unknown) => {
      context.logger.error(`cannot remove ${spec.address} from ${link.name} again: ${error instanceof Error ? error.message : String(error)}`);
    });
    return refusedResult(context, 'IPADDR_GARP_FAILED', `${garp.failed}; ${spec.address} was removed from ${link.name} again`);
  }
  bursts.add(spec, garp.burst);
  return { status: 'running' };
}
