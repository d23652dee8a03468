import { HeartlineProcess } from './HeartlineProcess.js';
import type { LabNode } from './LabNode.js';
import type { LogTail } from './LogTail.js';
import { RealHeartbeat } from './RealHeartbeat.js';

/**
 * The cluster daemon of one lab node, whichever it is: the real heartbeat 3.0.6 or Heartline. A
 * scenario written against this runs unchanged with either on each node. Both follow the node's
 * /var/log/ha-log in `log`. A whole-node power cut is `node.crash()` (then `node.boot()` and
 * `start()` again); the wrappers notice their processes vanishing with the node.
 */
export interface ClusterDaemon {
  readonly kind: 'heartbeat' | 'heartline';
  readonly node: LabNode;
  readonly log: LogTail;
  /** Starts the daemon on the (running) node; resolves once it runs (and, for Heartline, answers). */
  start(): Promise<void>;
  /** Graceful stop (SIGTERM), resolves when it is gone; nothing to do when it does not run. */
  stop(): Promise<void>;
  /** SIGKILL to the daemon's processes only (the node and its resources stay); performance.now() before it. */
  kill(): Promise<number>;
  isRunning(): Promise<boolean>;
  /**
   * heartbeat's hb_standby / `ha standby`, and hb_takeover / `ha takeover`, for `set` (all, local,
   * foreign, failback). Resolves once the request went out; rejects when the daemon refused it.
   */
  standby(set: string): Promise<void>;
  takeover(set: string): Promise<void>;
  /** What `cl_status rscstatus` says (heartbeat's own tool, or `ha status rscstatus`): `transition` while unstable. */
  rscstatus(): Promise<string>;
  /** Stops following the log and kills whatever is left; for the suite's teardown. */
  close(): void;
}

/** The real heartbeat 3.0.6 on `node` as a ClusterDaemon. */
export function heartbeatDaemon(node: LabNode): ClusterDaemon & { readonly heartbeat: RealHeartbeat } {
  const heartbeat = new RealHeartbeat(node);
  return {
    kind: 'heartbeat',
    node,
    heartbeat,
    log: heartbeat.log,
    start: () => heartbeat.start(),
    stop: () => heartbeat.stop(),
    kill: () => heartbeat.kill(),
    isRunning: () => heartbeat.isRunning(),
    standby: (set) => heartbeatTool(node, 'hb_standby', set),
    takeover: (set) => heartbeatTool(node, 'hb_takeover', set),
    rscstatus: async () => (await heartbeat.clStatus('rscstatus')).stdout.trim(),
    close: () => heartbeat.close(),
  };
}

/**
 * A Heartline node (`ha start`) on `node` as a ClusterDaemon; `haCommand` runs another `ha` than
 * this repository's (see HeartlineProcess).
 */
export function heartlineDaemon(
  node: LabNode,
  startTimeoutMs = 20_000,
  haCommand?: readonly [string, ...string[]],
): ClusterDaemon & { readonly heartline: HeartlineProcess } {
  const heartline = new HeartlineProcess(node, haCommand);
  return {
    kind: 'heartline',
    node,
    heartline,
    log: heartline.log,
    start: async () => {
      heartline.start();
      await heartline.waitStarted(startTimeoutMs);
    },
    stop: async () => {
      await heartline.stop();
    },
    kill: () => heartline.kill(),
    isRunning: () => Promise.resolve(heartline.running),
    standby: (set) => haTool(heartline, 'standby', set),
    takeover: (set) => haTool(heartline, 'takeover', set),
    rscstatus: async () => (await heartline.ha(['status', 'rscstatus'])).stdout.trim(),
    close: () => heartline.close(),
  };
}

/** heartbeat's own script (/usr/share/heartbeat/hb_standby, hb_takeover), run on the node. */
async function heartbeatTool(node: LabNode, tool: 'hb_standby' | 'hb_takeover', set: string): Promise<void> {
  const result = await node.exec(`/usr/share/heartbeat/${tool}`, [set], { allowFailure: true, timeoutMs: 15_000 });
  if (result.code !== 0) throw new Error(`${node.name}: ${tool} ${set} exited ${result.code}: ${result.stdout}${result.stderr}`);
}

async function haTool(heartline: HeartlineProcess, command: 'standby' | 'takeover', set: string): Promise<void> {
  const result = await heartline.ha([command, set]);
  if (result.code !== 0) throw new Error(`${heartline.node.name}: ha ${command} ${set} exited ${result.code}: ${result.stdout}${result.stderr}`);
}
