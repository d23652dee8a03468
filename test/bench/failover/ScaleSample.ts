/** One idle cluster: `nodes` nodes of one daemon on one medium, keepalive 1 s. */
export interface ScaleSample {
  readonly daemon: 'heartbeat' | 'heartline';
  readonly nodes: number;
  readonly media: 'bcast' | 'ucast';
  /** Simultaneous start of every daemon -> every node has logged every peer `active`. */
  readonly convergeMs: number | undefined;
  /** Simultaneous start -> the first status of the node that spoke last (start-up cost of the daemons). */
  readonly lastFirstStatusMs: number | undefined;
  /** Per node over the idle window: CPU % of one core (mean and max over the nodes). */
  readonly cpuPctMean: number | undefined;
  readonly cpuPctMax: number | undefined;
  /** Per node at the end of the window, every process of the daemon: RSS and PSS (MiB, mean over the nodes). */
  readonly rssMiB: number | undefined;
  readonly pssMiB: number | undefined;
  /** Processes of the daemon per node. */
  readonly processes: number | undefined;
  /** Bytes per second a node sends and receives on its lab interface (mean over the nodes). */
  readonly txBytesPerS: number | undefined;
  readonly rxBytesPerS: number | undefined;
  readonly windowS: number;
  failure?: string;
}
