import type { RtNetlinkSocket } from 'netlink';
import type { AddressChange } from './AddressChange.js';
import type { AddressInfo } from './AddressInfo.js';
import type { LinkInfo } from './LinkInfo.js';
import type { NetlinkPort } from './NetlinkPort.js';
import type { RouteInfo } from './RouteInfo.js';

type NetlinkModule = typeof import('netlink');

const AF_INET = 2;
const AF_INET6 = 10;
const RT_TABLE_MAIN = 254;
const NLM_F_EXCL = 0x200;
const NLM_F_CREATE = 0x400;
/** A netlink request the kernel does not answer is abandoned after this long. */
const REQUEST_TIMEOUT_MS = 5000;

const familyCode = (family: 4 | 6): number => (family === 4 ? AF_INET : AF_INET6);
const familyOf = (code: number | undefined): 4 | 6 | undefined => (code === AF_INET ? 4 : code === AF_INET6 ? 6 : undefined);

/**
 * rtnetlink through the `netlink` package (pinned at 0.3.0: "API compatibility is not maintained"),
 * on one socket per agent, one request at a time (the package reassembles one multipart dump per
 * socket: two dumps at once garble each other). The package and its native binding are imported by `open`, on first use,
 * so a configuration without virtual IPs never loads them.
 */
export class RtNetlinkPort implements NetlinkPort {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly socket: RtNetlinkSocket) {}

  /** Loads the binding (rejects with the loader's error if it cannot) and opens a socket. */
  static async open(specifier = 'netlink'): Promise<RtNetlinkPort> {
    const netlink = (await import(specifier)) as NetlinkModule;
    return new RtNetlinkPort(netlink.createRtNetlink());
  }

  async links(): Promise<LinkInfo[]> {
    const links = await this.serial(() => this.socket.getLinks(undefined, undefined, { timeout: REQUEST_TIMEOUT_MS }));
    return links.flatMap((l) =>
      l.data.index === undefined || l.attrs.ifname === undefined ? [] : [{ index: l.data.index, name: l.attrs.ifname, up: l.data.flags?.up === true }],
    );
  }

  async addresses(family: 4 | 6): Promise<AddressInfo[]> {
    const addresses = await this.serial(() => this.socket.getAddresses({ family: familyCode(family) }, undefined, { timeout: REQUEST_TIMEOUT_MS }));
    return addresses.flatMap((a) => {
      const bytes = a.attrs.local ?? a.attrs.address;
      if (familyOf(a.data.family) !== family || bytes === undefined || a.data.index === undefined) return [];
      return [{ family, index: a.data.index, bytes: new Uint8Array(bytes), prefixLength: a.data.prefixlen ?? 0, ...(a.attrs.label === undefined ? {} : { label: a.attrs.label }) }];
    });
  }

  async routes(family: 4 | 6): Promise<RouteInfo[]> {
    const routes = await this.serial(() => this.socket.getRoutes({ family: familyCode(family) }, undefined, { timeout: REQUEST_TIMEOUT_MS }));
    const links = await this.links();
    const names = new Map(links.map((l) => [l.index, l.name]));
    return routes.flatMap((r) => {
      const table = r.attrs.table ?? r.data.table;
      const name = r.attrs.oif === undefined ? undefined : names.get(r.attrs.oif);
      if (familyOf(r.data.family) !== family || table !== RT_TABLE_MAIN || name === undefined) return [];
      const unicast = r.data.type === 'UNICAST' || r.data.type === 1;
      const scopeOk = family === 6 || r.data.scope === 'LINK' || r.data.scope === 253;
      return [{
        family,
        destination: new Uint8Array(r.attrs.dst ?? Buffer.alloc(family === 4 ? 4 : 16)),
        prefixLength: r.data.dstLen ?? 0,
        interfaceName: name,
        metric: r.attrs.priority ?? 0,
        onLink: unicast && scopeOk && r.attrs.gateway === undefined,
      }];
    });
  }

  async addAddress(change: AddressChange): Promise<void> {
    const bytes = Buffer.from(change.bytes);
    await this.serial(() => this.socket.newAddress(
      { family: familyCode(change.family), prefixlen: change.prefixLength, index: change.index, ...(change.family === 6 ? { flags: { nodad: true } } : {}) },
      {
        ...(change.family === 4 ? { local: bytes } : {}),
        address: bytes,
        ...(change.broadcast === undefined ? {} : { broadcast: Buffer.from(change.broadcast) }),
        ...(change.label === undefined ? {} : { label: change.label }),
      },
      { flags: NLM_F_CREATE | NLM_F_EXCL, timeout: REQUEST_TIMEOUT_MS },
    ));
  }

  async removeAddress(change: AddressChange): Promise<void> {
    const bytes = Buffer.from(change.bytes);
    await this.serial(() => this.socket.delAddress(
      { family: familyCode(change.family), prefixlen: change.prefixLength, index: change.index },
      { ...(change.family === 4 ? { local: bytes } : {}), address: bytes },
      { timeout: REQUEST_TIMEOUT_MS },
    ));
  }

  /** Runs one request after the ones before it have settled. */
  private serial<T>(request: () => Promise<T>): Promise<T> {
    const run = this.queue.then(request, request);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
