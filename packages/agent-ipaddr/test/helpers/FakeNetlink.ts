import type { AddressChange, AddressInfo, LinkInfo, NetlinkPort, RouteInfo } from '../../src/index.js';

/** An in-memory rtnetlink: links, addresses and routes in arrays, every change recorded, errors on demand. */
export class FakeNetlink implements NetlinkPort {
  readonly changes: string[] = [];
  /** The next add / remove rejects with this (`new Error('Request rejected: EPERM')`). */
  failAdd: Error | undefined;
  failRemove: Error | undefined;

  constructor(
    readonly linkTable: LinkInfo[] = [
      { index: 1, name: 'lo', up: true },
      { index: 2, name: 'eth0', up: true },
      { index: 3, name: 'eth1', up: false },
    ],
    readonly addressTable: AddressInfo[] = [{ family: 4, index: 2, bytes: Uint8Array.from([10, 0, 0, 1]), prefixLength: 24, label: 'eth0' }],
    readonly routeTable: RouteInfo[] = [
      { family: 4, destination: Uint8Array.from([10, 0, 0, 0]), prefixLength: 24, interfaceName: 'eth0', metric: 0, onLink: true },
      { family: 4, destination: Uint8Array.from([0, 0, 0, 0]), prefixLength: 0, interfaceName: 'eth0', metric: 0, onLink: false },
    ],
  ) {}

  links(): Promise<LinkInfo[]> {
    return Promise.resolve([...this.linkTable]);
  }

  addresses(family: 4 | 6): Promise<AddressInfo[]> {
    return Promise.resolve(this.addressTable.filter((a) => a.family === family));
  }

  routes(family: 4 | 6): Promise<RouteInfo[]> {
    return Promise.resolve(this.routeTable.filter((r) => r.family === family));
  }

  addAddress(change: AddressChange): Promise<void> {
    const error = this.failAdd;
    this.failAdd = undefined;
    if (error !== undefined) return Promise.reject(error);
    this.changes.push(`add ${describe(change)}`);
    this.addressTable.push({ family: change.family, index: change.index, bytes: change.bytes, prefixLength: change.prefixLength, ...(change.label === undefined ? {} : { label: change.label }) });
    return Promise.resolve();
  }

  removeAddress(change: AddressChange): Promise<void> {
    const error = this.failRemove;
    this.failRemove = undefined;
    if (error !== undefined) return Promise.reject(error);
    const at = this.addressTable.findIndex((a) => a.index === change.index && a.bytes.join() === change.bytes.join());
    if (at < 0) return Promise.reject(new Error('Request rejected: EADDRNOTAVAIL'));
    this.addressTable.splice(at, 1);
    this.changes.push(`remove ${describe(change)}`);
    return Promise.resolve();
  }

  /** The addresses on interface `index`, as text (`10.0.0.5/24 eth0:0`). */
  on(index: number): string[] {
    return this.addressTable.filter((a) => a.index === index).map((a) => `${[...a.bytes].join('.')}/${a.prefixLength}${a.label === undefined ? '' : ` ${a.label}`}`);
  }
}

function describe(change: AddressChange): string {
  const ip = change.family === 4 ? [...change.bytes].join('.') : Buffer.from(change.bytes).toString('hex');
  const brd = change.broadcast === undefined ? '' : ` brd ${[...change.broadcast].join('.')}`;
  return `${ip}/${change.prefixLength}${brd} dev #${change.index}${change.label === undefined ? '' : ` label ${change.label}`}`;
}
