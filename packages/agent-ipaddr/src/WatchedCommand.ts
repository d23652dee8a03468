import type { AgentContext, CommandOutcome, CommandRequest } from '@heartline/core';
import type { IpAddrEnvironment } from './IpAddrEnvironment.js';

/** How often the helper's state is looked at while waiting for its first packet. */
const POLL_MS = 1;

/**
 * One helper process (an ARP tool) started through the context's CommandRunner and watched from
 * outside. The tools print nothing per packet, so "its first packet is on the wire" is read from
 * /proc: the process runs the tool's executable and sleeps (state S). Each tool builds its packet,
 * sends it and only then blocks for the first time — send_arp in pause() until the next half
 * interval, arping and send_ua in poll()/nanosleep() — nothing before the send waits.
 */
export class WatchedCommand {
  readonly finished: Promise<CommandOutcome>;
  private outcome: CommandOutcome | undefined;
  private pid: number | undefined;
  private readonly controller = new AbortController();

  constructor(
    request: Omit<CommandRequest, 'signal' | 'onSpawn'>,
    private readonly exe: string,
    private readonly context: Pick<AgentContext, 'commands' | 'clock'>,
    private readonly env: Pick<IpAddrEnvironment, 'processState'>,
  ) {
    this.finished = context.commands.run({ ...request, signal: this.controller.signal, onSpawn: (pid) => (this.pid = pid) });
    void this.finished.then((outcome) => (this.outcome = outcome));
  }

  /** The outcome, once the process has ended. */
  get result(): CommandOutcome | undefined {
    return this.outcome;
  }

  /**
   * Resolves `sent` once the tool sleeps after its first packet, `exited` if it ended first (see
   * `result`), `unconfirmed` if neither happened within `timeoutMs` (its /proc cannot be read).
   */
  async firstPacket(timeoutMs: number): Promise<'sent' | 'exited' | 'unconfirmed'> {
    const { clock } = this.context;
    const deadlineMs = clock.now() + timeoutMs;
    for (;;) {
      // Let a finished run settle (its .then above) before looking at the process.
      await Promise.resolve();
      if (this.outcome !== undefined) return 'exited';
      const state = this.pid === undefined ? undefined : this.env.processState(this.pid);
      if (state !== undefined && state.exe === this.exe && state.state === 'S') return 'sent';
      if (clock.now() >= deadlineMs) return 'unconfirmed';
      await Promise.race([clock.sleep(POLL_MS), this.finished]);
    }
  }

  /** Waits up to `ms` for the process to end by itself; true if it did. */
  async endsWithin(ms: number): Promise<boolean> {
    if (this.outcome !== undefined) return true;
    const stopWaiting = new AbortController();
    const ended = await Promise.race([
      this.finished.then(() => true),
      this.context.clock.sleep(ms, stopWaiting.signal).then(() => false, () => true),
    ]);
    stopWaiting.abort();
    return ended;
  }

  /** Kills its process group (the runner does it, SIGTERM then SIGKILL); `finished` settles after. */
  kill(): void {
    this.controller.abort();
  }
}
