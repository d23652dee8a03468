import { HaMessage } from '../wire/HaMessage.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { Membership } from './Membership.js';

/**
 * heartbeat's graceful leave (hb_initiate_shutdown, hb_giveup_resources, HBDoMsg_T_SHUTDONE,
 * hb_mcp_final_shutdown): status; resources released; `shutdone st=dead`; when our own shutdone
 * loops back, a second later two more statuses (phases 0 and 1); a second after that the media
 * may close. Before comm-up the leave waits for it, like heartbeat.
 */
export class ShutdownSequence {
  inProgress = false;
  private done: Promise<void> | undefined;
  private finish: (() => void) | undefined;

  constructor(
    private readonly membership: Membership,
    private readonly sendStatus: () => void,
  ) {}

  run(releaseResources?: () => Promise<void>): Promise<void> {
    this.done ??= this.execute(releaseResources);
    return this.done;
  }

  /** Our own shutdone came back through loopback: start the final phases in a second. */
  ownShutdoneSeen(): void {
    if (!this.inProgress) return;
    const { clock } = this.membership;
    clock.setTimeout(() => {
      this.sendStatus(); // phase 0: clients told to stop (we have none)
      this.sendStatus(); // phase 1: all clients gone
      clock.setTimeout(() => this.finish?.(), K.shutdownPhaseDelayMs);
    }, K.shutdownPhaseDelayMs);
  }

  private async execute(releaseResources: (() => Promise<void>) | undefined): Promise<void> {
    const m = this.membership;
    this.inProgress = true;
    if (!m.flags.commNowUp) {
      m.logger.warn('Shutdown delayed until Communication is up.');
      await new Promise<void>((resolve) => {
        const off = m.on((event) => {
          if (event.kind === 'comm-up') {
            off();
            resolve();
          }
        });
      });
    }
    const finished = new Promise<void>((resolve) => {
      this.finish = resolve;
    });
    this.sendStatus();
    m.logger.info(`Heartbeat shutdown in progress. (${m.pid})`);
    if (releaseResources !== undefined) await releaseResources();
    m.send(HaMessage.fromStrings([['t', 'shutdone'], ['st', 'dead']]));
    await finished;
  }
}
