import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { endianness } from 'node:os';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { isExecutableFile } from '@heartline/core';
import { isInterfaceName } from './isInterfaceName.js';
import { parseProcRoutes } from './parseProcRoutes.js';
import { RtNetlinkPort } from './RtNetlinkPort.js';

/** The real machine: the netlink binding, /proc and /sys of this process's network namespace. */
export const systemEnvironment: IpAddrEnvironment = {
  openNetlink: () => RtNetlinkPort.open(),
  isExecutable: isExecutableFile,
  realPath: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
  interfaceExists: (name) => isInterfaceName(name) && existsSync(`/sys/class/net/${name}`),
  kernelRoutes: () => {
    try {
      return parseProcRoutes(readFileSync('/proc/net/route', 'utf8'), endianness() === 'LE');
    } catch {
      return [];
    }
  },
  processState: (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.charAt(stat.lastIndexOf(')') + 2);
      return { exe: readlinkSync(`/proc/${pid}/exe`), state };
    } catch {
      return undefined;
    }
  },
  removeFile: (path) => rmSync(path, { force: true }),
};
