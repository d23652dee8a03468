import type { FailoverRuntime } from './FailoverRuntime.js';
import type { ResourceJobs } from './ResourceJobs.js';
import { ResourceSet as R } from './ResourceSet.js';

/**
 * How long a shutdown waits for resource activity to settle. heartbeat waits for ever (its
 * emergency stop comes after 60 minutes); an admin stopping a node expects it to stop.
 */
const SHUTDOWN_SETTLE_MS = 60_000;

/**
 * The resource part of a graceful shutdown (hb_giveup_resources), delayed while resource activity
 * is in transition: every part calls `shutdownIfNeeded` when it may have settled.
 */
export class ResourceRelease {
  private released: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(
    private readonly rt: FailoverRuntime,
    private readonly jobs: ResourceJobs,
  ) {}

  /** Once resource activity is stable, tell the peer we hold nothing, then release every group right to left. */
  releaseAll(): Promise<void> {
    if (this.released === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.released = { promise, resolve };
      // hb_initiate_shutdown: from the signal on, nothing new is acquired (req_our_resources,
      // takeovers), even while the release waits for resource activity to settle.
      this.rt.run(() => {
        this.rt.shutdownInProgress = true;
        this.giveUpResources();
      });
    }
    return this.released.promise;
  }

  /** hb_giveup_resources: release everything for a graceful shutdown. */
  giveUpResources(): void {
    const { rt } = this;
    if (!rt.isStable() && !rt.shutdownForced) {
      if (!rt.rscNeedsShutdown) {
        rt.log.warn('Shutdown delayed until current resource activity finishes.');
        rt.rscNeedsShutdown = true;
        rt.later(SHUTDOWN_SETTLE_MS, () => {
          if (!rt.rscNeedsShutdown) return;
          rt.log.warn(`Resource activity did not settle within ${SHUTDOWN_SETTLE_MS / 1000} s; giving up resources anyway.`);
          rt.shutdownForced = true;
          this.giveUpResources();
        });
      }
      return;
    }
    rt.rscNeedsShutdown = false;
    rt.shutdownInProgress = true;
    if (rt.resourceShutdownInProgress) {
      rt.log.info('Heartbeat shutdown already underway.');
      return;
    }
    rt.resourceShutdownInProgress = true;
    rt.iHold = R.none;
    rt.state = 'shutdown';
    rt.sendResourcesHeld(false, 'shutdown');
    this.jobs.spawn('hb_giveup_resources', async () => {
      rt.log.info('Giving up all HA resources.');
      for (const group of rt.options.groups) await rt.giveGroup(group);
      rt.log.info('All HA resources relinquished.');
      this.released?.resolve();
    });
  }

  shutdownIfNeeded(): void {
    if (this.rt.rscNeedsShutdown) this.giveUpResources();
  }
}
