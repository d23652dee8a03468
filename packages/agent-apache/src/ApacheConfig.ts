import type { ConfigProblem } from './ConfigProblem.js';
import type { ListenAddress } from './ListenAddress.js';

/** What the agent needs to know of an apache config, with its Includes followed and `${VARS}` expanded. */
export interface ApacheConfig {
  readonly serverRoot: string;
  /** Every Listen in the order apache reads them; the first is the one status asks. */
  readonly listens: readonly ListenAddress[];
  /** Absolute. */
  readonly pidFile: string;
  /** The main server's error log file, absolute; undefined for syslog or a piped logger. */
  readonly errorLog: string | undefined;
  readonly problems: readonly ConfigProblem[];
}
