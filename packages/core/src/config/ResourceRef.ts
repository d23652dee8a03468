import type { SourceLocation } from './SourceLocation.js';

/**
 * One resource of an haresources line, as heartbeat's ResourceManager reads it: `script`,
 * `script::arg::arg`, or an IPv4-looking token standing for `IPaddr::token`. OCF agents are
 * `OCF::type::instance` (script `OCF`, args `[type, instance]`).
 */
export interface ResourceRef {
  /** The token as written; the first one of a line is its group's key. */
  readonly text: string;
  /** `text` with the IPaddr shorthand expanded, as ResourceManager passes it around. */
  readonly spec: string;
  /** The script (resource type) name: `IPaddr`, `apache2`, `OCF`. */
  readonly type: string;
  /** Arguments in order, empty ones dropped (the shell word-splits them away). */
  readonly args: readonly string[];
  readonly where: SourceLocation;
}
