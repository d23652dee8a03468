import type { ListenAddress } from './ListenAddress.js';

/** An apache resource resolved against this machine: what to run, where it answers, where its pid is. */
export interface ApacheInstance {
  /** The resource as haresources writes it, for messages. */
  readonly name: string;
  readonly httpd: string;
  /** `httpd` with symlinks resolved: what /proc/PID/exe of its processes shows. */
  readonly httpdPath: string;
  readonly configFile: string;
  /** The arguments before `-k start`: `[-d dir] -f config [options…]`. */
  readonly args: readonly string[];
  /** What apache gets on top of the daemon's environment: envfiles, then the resource's variables. */
  readonly env: Readonly<Record<string, string>>;
  readonly pidFile: string;
  readonly errorLog: string | undefined;
  readonly listens: readonly ListenAddress[];
  /** The URL status asks: statusurl, else a GET on the first Listen. */
  readonly url: string;
  /** statusurl must answer 2xx; the Listen GET any HTTP status. */
  readonly needsSuccess: boolean;
  readonly gracefulMs: number;
  /** Directories apache needs before it starts (APACHE_RUN_DIR, APACHE_LOCK_DIR…), with their owner. */
  readonly directories: readonly { readonly path: string; readonly owner?: string }[];
}
