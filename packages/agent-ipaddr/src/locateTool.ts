import type { GarpTool } from './GarpTool.js';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';
import { toolPaths } from './toolPaths.js';

/** The first installed copy of a tool, or undefined. */
export function locateTool(kind: GarpTool['kind'], env: Pick<IpAddrEnvironment, 'isExecutable' | 'realPath'>): GarpTool | undefined {
  const path = toolPaths[kind].find((p) => env.isExecutable(p));
  return path === undefined ? undefined : { kind, path, exe: env.realPath(path) };
}
