import type { ResourceRef } from './ResourceRef.js';
import type { SourceLocation } from './SourceLocation.js';

/** One haresources line: the node that prefers the group and its resources, started left to right. */
export interface HaResourceGroup {
  /** Lowercased, as ResourceManager does. */
  readonly node: string;
  /** The first resource as written: names the group in `ipaddr=` fields and commands. */
  readonly key: string;
  readonly resources: readonly ResourceRef[];
  /** The normalised line (`node r1 r2`), as heartbeat logs it in "Acquiring resource group: ...". */
  readonly line: string;
  readonly where: SourceLocation;
}
