import type { IpAddrEnvironment, NetlinkPort, ProcessState, RouteInfo } from '../../src/index.js';
import type { FakeCommands } from './FakeCommands.js';

/**
 * A machine with the tools named in `executables`, the interfaces in `interfaces`, and a netlink
 * port (or a load error). Processes of the fake runner are always asleep in their executable, so
 * the first packet of a running tool counts as sent at once.
 */
export class FakeEnvironment implements IpAddrEnvironment {
  readonly removed: string[] = [];
  opened = 0;

  constructor(
    private readonly netlink: NetlinkPort | Error,
    readonly commands: FakeCommands,
    readonly executables = new Set(['/usr/libexec/heartbeat/send_arp', '/usr/libexec/heartbeat/send_ua', '/usr/bin/arping']),
    readonly interfaces = new Set(['lo', 'eth0', 'eth1']),
    readonly routes: RouteInfo[] = [{ family: 4, destination: Uint8Array.from([10, 0, 0, 0]), prefixLength: 24, interfaceName: 'eth0', metric: 0, onLink: true }],
  ) {}

  openNetlink(): Promise<NetlinkPort> {
    this.opened += 1;
    return this.netlink instanceof Error ? Promise.reject(this.netlink) : Promise.resolve(this.netlink);
  }

  isExecutable(path: string): boolean {
    return this.executables.has(path);
  }

  realPath(path: string): string {
    return path;
  }

  interfaceExists(name: string): boolean {
    return this.interfaces.has(name);
  }

  kernelRoutes(): RouteInfo[] {
    return this.routes;
  }

  processState(pid: number): ProcessState | undefined {
    const file = this.commands.pids.get(pid);
    return file === undefined ? undefined : { exe: file, state: 'S' };
  }

  removeFile(path: string): void {
    this.removed.push(path);
  }
}
