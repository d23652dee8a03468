import type { SourceLocation } from '../config/SourceLocation.js';

/**
 * The STONITH device a node uses, as ha.cf configures it: heartbeat's `stonith TYPE FILE` or
 * `stonith_host HOST TYPE PARAMS` that applies to the node.
 */
export interface FenceDevice {
  /** The STONITH type: `null`, `ssh`, `meatware`, `external/NAME`, … */
  readonly type: string;
  /**
   * The parameters as heartbeat hands them to the plugin (`stonith -t TYPE -p "PARAMS"`): the rest
   * of the stonith_host line, or the first line of the stonith configuration file. Positional:
   * each value goes to the plugin's next configuration name, the last one takes the rest.
   */
  readonly params: string;
  /** The ha.cf line it comes from (its type). */
  readonly where: SourceLocation;
  /** How ha.cf writes it, for messages: `stonith_host * external/ipmi` or `stonith ssh /etc/ha.d/ssh.cfg`. */
  readonly source: string;
}
