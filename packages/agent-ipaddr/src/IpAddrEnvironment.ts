import type { NetlinkPort } from './NetlinkPort.js';
import type { ProcessState } from './ProcessState.js';
import type { RouteInfo } from './RouteInfo.js';

/**
 * The machine as the virtual IP agents see it, injected so that each agent has fast fake-backed
 * tests as well as real ones. Commands run through the context's CommandRunner, not from here.
 */
export interface IpAddrEnvironment {
  /** Loads the netlink binding and opens a socket; rejects if the binding cannot be loaded. */
  openNetlink(): Promise<NetlinkPort>;
  /** `[ -f path -a -x path ]`. */
  isExecutable(path: string): boolean;
  /** The path with symlinks resolved (as /proc/PID/exe shows an executable). */
  realPath(path: string): string;
  /** Whether this network namespace has an interface of that name (for validate: synchronous). */
  interfaceExists(name: string): boolean;
  /** The IPv4 main table as heartbeat's findif reads it (/proc/net/route), for validate. */
  kernelRoutes(): RouteInfo[];
  /** /proc/PID/exe and state, or undefined once the process is gone. */
  processState(pid: number): ProcessState | undefined;
  /** Removes a file if it exists. */
  removeFile(path: string): void;
}
