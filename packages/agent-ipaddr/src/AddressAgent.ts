import type { AgentContext, AgentResult, ConfigIssue, ResourceAgent, ResourceInstance, ResourceRef, ValidateContext } from '@heartline/core';
import { refusedResult } from '@heartline/core';
import type { AddressInfo } from './AddressInfo.js';
import type { AddressSpec, AddressType } from './AddressSpec.js';
import { findInterface } from './findInterface.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import type { LinkInfo } from './LinkInfo.js';
import type { NetlinkPort } from './NetlinkPort.js';
import { netlinkErrno } from './netlinkErrno.js';
import { netlinkRefusal } from './netlinkRefusal.js';
import { parseAddressSpec } from './parseAddressSpec.js';
import { sameBytes } from './sameBytes.js';
import { startAddress } from './startAddress.js';
import { BurstRegistry } from './BurstRegistry.js';
import { systemEnvironment } from './systemEnvironment.js';
import { validateAddress } from './validateAddress.js';

/**
 * A virtual IP, heartbeat's IPaddr / IPaddr2 / IPv6addr: the address added, checked and removed
 * in-process over netlink (no `ip`, no shell), gratuitous ARPs from one small tool per burst.
 * Core builds each agent with no arguments (the parameter has a default); tests pass their own
 * environment. Start and stop are idempotent; status is `running` only with the address on the
 * expected interface.
 */
export abstract class AddressAgent implements ResourceAgent {
  abstract readonly type: AddressType;
  /** Status is one netlink dump: cheap and true, so every VIP is checked unless heartline.cf says otherwise. */
  readonly monitoredByDefault = true;
  private netlink: Promise<NetlinkPort> | undefined;
  private readonly bursts = new BurstRegistry();

  constructor(private readonly env: IpAddrEnvironment = systemEnvironment) {}

  validate(resource: ResourceRef, _context?: ValidateContext): ConfigIssue[] {
    // The daemon validates at start-up: load the binding now, so the first takeover does not wait for it.
    void this.port().catch(() => undefined);
    return validateAddress(this.type, resource, this.env);
  }

  async start(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const spec = this.parse(resource, context);
    if ('status' in spec) return spec;
    const port = await this.portOrRefusal(context);
    if ('status' in port) return port;
    return startAddress(spec, port, context, this.env, this.bursts);
  }

  async stop(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const spec = this.parse(resource, context);
    if ('status' in spec) return spec;
    this.bursts.stop(spec);
    const port = await this.portOrRefusal(context);
    if ('status' in port) return port;
    let holders: { address: AddressInfo; link: LinkInfo | undefined }[];
    try {
      const [addresses, links] = await Promise.all([port.addresses(spec.family), port.links()]);
      holders = addresses.filter((a) => sameBytes(a.bytes, spec.bytes)).map((address) => ({ address, link: links.find((l) => l.index === address.index) }));
    } catch (error) {
      return netlinkRefusal(context, error, `cannot list the addresses to remove ${spec.address}`);
    }
    for (const { address, link } of holders) {
      context.logger.info(`Removing ${spec.family === 4 ? 'inet' : 'inet6'} address ${spec.address}/${address.prefixLength} from device ${link?.name ?? address.index}`);
      try {
        await port.removeAddress({ ...address });
      } catch (error) {
        // Gone meanwhile (removed by someone else, or with its interface): that is stopped too.
        if (['EADDRNOTAVAIL', 'ENODEV'].includes(netlinkErrno(error) ?? '')) continue;
        return netlinkRefusal(context, error, `cannot remove ${spec.address} from ${link?.name ?? address.index}`);
      }
    }
    return { status: 'stopped' };
  }

  async status(resource: ResourceInstance, context: AgentContext): Promise<AgentResult> {
    const spec = this.parse(resource, context);
    if ('status' in spec) return spec;
    const port = await this.portOrRefusal(context);
    if ('status' in port) return port;
    try {
      const [addresses, links, routes] = await Promise.all([port.addresses(spec.family), port.links(), port.routes(spec.family)]);
      const holders = addresses.filter((a) => sameBytes(a.bytes, spec.bytes));
      if (holders.length === 0) return { status: 'stopped' };
      const expected = spec.nic ?? findInterface(spec, routes)?.nic;
      // Without a nic and without a route naming one, any interface is the expected one (heartbeat's IPaddr too).
      if (expected === undefined) return { status: 'running' };
      if (holders.some((a) => links.find((l) => l.index === a.index)?.name === expected)) return { status: 'running' };
      const others = holders.map((a) => links.find((l) => l.index === a.index)?.name ?? `#${a.index}`).join(', ');
      return refusedResult(context, 'IPADDR_WRONG_INTERFACE', `${spec.address} is running on an interface (${others}) instead of the configured one (${expected})`);
    } catch (error) {
      return netlinkRefusal(context, error, `cannot read the addresses of this machine`);
    }
  }

  private parse(resource: ResourceInstance, context: AgentContext): AddressSpec | AgentResult {
    const { spec, problems } = parseAddressSpec(this.type, resource.spec);
    if (spec !== undefined) return spec;
    const [first] = problems;
    return refusedResult(context, first?.code ?? 'IPADDR_BAD_ADDRESS', problems.map((p) => p.message).join('; '), 'not-configured');
  }

  private port(): Promise<NetlinkPort> {
    const opening = (this.netlink ??= this.env.openNetlink());
    // A binding that failed to load is tried again by the next operation (and fails the same way).
    opening.catch(() => {
      if (this.netlink === opening) this.netlink = undefined;
    });
    return opening;
  }

  private async portOrRefusal(context: AgentContext): Promise<NetlinkPort | AgentResult> {
    try {
      return await this.port();
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return refusedResult(context, 'IPADDR_NETLINK_UNAVAILABLE', `cannot load the netlink binding (npm package netlink 0.3.0): ${why}`);
    }
  }
}
