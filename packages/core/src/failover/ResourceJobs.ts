import type { FailoverRuntime } from './FailoverRuntime.js';

interface RemoteRequest {
  readonly name: string;
  readonly work: () => Promise<void>;
}

/**
 * The work heartbeat forks ("children": req_our_resources, go_standby, giving up, and the queued
 * remote requests), run as async jobs. The child count gates stability and the queue exactly as
 * ResourceMgmt_child_count does.
 */
export class ResourceJobs {
  private readonly remoteQueue: RemoteRequest[] = [];

  /** `shutdownIfNeeded`: a job ending may let a delayed shutdown go ahead. */
  constructor(
    private readonly rt: FailoverRuntime,
    private readonly shutdownIfNeeded: () => void,
  ) {}

  spawn(name: string, work: () => Promise<void>): void {
    const { rt } = this;
    rt.childCount++;
    void (async () => {
      try {
        await work();
      } catch (error) {
        rt.log.error(`resource job ${name} failed: ${(error as Error).stack ?? String(error)}`);
      } finally {
        rt.run(() => {
          rt.childCount--;
          this.childDied(name);
        });
      }
    })();
  }

  /** QueueRemoteRscReq: requests from the cluster run one at a time, after every other child. */
  queueRemote(name: string, work: () => Promise<void>): void {
    this.remoteQueue.push({ name, work });
    this.startNextRemote();
  }

  /** RscMgmtProcessDied */
  private childDied(name: string): void {
    const { rt } = this;
    if (name === 'req_our_resources' || name === 'ip-request-resp') {
      rt.localTakeoverWorkDone = true;
      rt.announceTakeover(name);
    } else if (!rt.nice && name === 'status' && rt.deadCount() > 0) {
      rt.foreignTakeoverWorkDone = true;
      rt.announceTakeover(name);
    }
    this.startNextRemote();
    this.shutdownIfNeeded();
  }

  /** StartNextRemoteRscReq */
  private startNextRemote(): void {
    if (this.rt.childCount !== 0) return;
    const next = this.remoteQueue.shift();
    if (next === undefined) {
      this.shutdownIfNeeded();
      return;
    }
    this.spawn(next.name, next.work);
  }
}
