import type { ClusterNode } from '../../node/ClusterNode.js';
import type { ManualClock } from '../../time/ManualClock.js';
import type { Timer } from '../../time/Clock.js';

/** What a machine needs from the simulated world. */
export interface SimMachineContext {
  readonly clock: ManualClock;
  readonly deadtimeMs: number;
  /** A fresh incarnation of the node with this generation; `alive` says whether it still runs. */
  makeNode(generation: number, alive: () => boolean): ClusterNode;
  /** The machine's services die with it. */
  powerCut(): void;
  note(text: string): void;
  /** Something threw that must not: the run fails. */
  problem(what: string, error: unknown): void;
}

export type MachinePhase = 'down' | 'starting' | 'running' | 'stopping';

interface Incarnation {
  readonly node: ClusterNode;
  readonly started: Promise<void>;
  alive: boolean;
}

/**
 * One simulated machine: its node's incarnations, and what `ha start` under systemd does around
 * them (the daemon's restart after a healed partition or a lost local heartbeat: wait 2 s, leave
 * gracefully, wait deadtime + 1 s, start again with a new generation), the way cli's Daemon does.
 */
export class SimMachine {
  phase: MachinePhase = 'down';
  /** Simulated ms of the last phase change, and of the node's last own status change. */
  phaseSinceMs = 0;
  localStatusSinceMs = 0;
  generation: number;
  private current: Incarnation | undefined;
  private wantUp = false;
  private bootTimer: Timer | undefined;
  /** After the leave under way: boot again after this many ms (undefined: stay down). */
  private afterStopMs: number | undefined;
  /** A machine that lost power boots again no earlier than this. */
  private poweredOffUntilMs = 0;

  constructor(
    readonly name: string,
    firstGeneration: number,
    private readonly ctx: SimMachineContext,
  ) {
    this.generation = firstGeneration - 1;
  }

  /** The running (or starting, or stopping) incarnation's node. */
  get node(): ClusterNode | undefined {
    return this.current?.node;
  }

  /** Power on (or `ha start`): a new incarnation with the next generation. */
  boot(): void {
    this.cancelBoot();
    this.wantUp = true;
    if (this.phase !== 'down') return;
    this.generation++;
    const life: { alive: boolean } = { alive: true };
    const node = this.ctx.makeNode(this.generation, () => life.alive);
    this.setPhase('starting');
    this.localStatusSinceMs = this.ctx.clock.now();
    this.ctx.note(`boots (generation ${this.generation})`);
    const started = node.start().then(
      () => {
        if (this.current === incarnation && this.phase === 'starting') this.setPhase('running');
      },
      (e: unknown) => this.ctx.problem(`start of ${this.name}`, e),
    );
    const incarnation: Incarnation = Object.assign(life, { node, started });
    this.current = incarnation;
    let restarting = false;
    node.on((event) => {
      if (this.current !== incarnation) return;
      if (event.kind === 'local-status') this.localStatusSinceMs = this.ctx.clock.now();
      if (restarting || !this.wantUp) return;
      if (event.kind !== 'partition-healed' && event.kind !== 'local-heartbeat-lost') return;
      restarting = true;
      const delayMs = event.kind === 'partition-healed' ? 2000 : 0;
      incarnation.node.expectRestart();
      this.ctx.note(delayMs > 0 ? 'will restart in 2 s (healed partition)' : 'restarts (no local heartbeat)');
      void this.restart(incarnation, delayMs);
    });
  }

  /** Power cut: no word to the cluster, services gone; boots again after `downMs` if given. */
  crash(downMs: number | undefined, rebootMs: number): void {
    this.cancelBoot();
    this.wantUp = false;
    this.afterStopMs = undefined;
    const incarnation = this.current;
    if (incarnation !== undefined) {
      this.end(incarnation);
      void incarnation.node.halt().catch((e: unknown) => this.ctx.problem(`halt of ${this.name}`, e));
    }
    this.ctx.powerCut();
    this.poweredOffUntilMs = this.ctx.clock.now() + rebootMs;
    this.setPhase('down');
    if (downMs !== undefined) this.bootAfter(downMs);
  }

  /** `systemctl stop`: the graceful leave; starts again `downMs` after it completed, if given. */
  stop(downMs: number | undefined): void {
    this.cancelBoot();
    this.wantUp = false;
    this.afterStopMs = downMs;
    const incarnation = this.current;
    if (incarnation !== undefined && this.phase !== 'stopping') this.leave(incarnation);
    else if (incarnation === undefined && downMs !== undefined) this.bootAfter(downMs);
  }

  /** The earliest time this machine can boot (a machine that lost power reboots first). */
  get bootableAtMs(): number {
    return this.poweredOffUntilMs;
  }

  /** Power on after `delayMs` (the schedule's first boot). */
  powerOnAfter(delayMs: number): void {
    this.wantUp = true;
    this.bootAfter(delayMs);
  }

  /** Make sure the machine runs: boot it now, or as soon as it may after a power cut. */
  ensureUp(): void {
    this.wantUp = true;
    if (this.phase === 'stopping') {
      this.afterStopMs ??= 0;
      return;
    }
    if (this.phase !== 'down' || this.bootTimer !== undefined) return;
    this.bootAfter(0);
  }

  private leave(incarnation: Incarnation): void {
    this.setPhase('stopping');
    this.ctx.note('leaves (graceful stop)');
    incarnation.started
      .then(() => incarnation.node.stop())
      .then(
        () => {
          if (this.current !== incarnation) return;
          this.end(incarnation);
          this.setPhase('down');
          const downMs = this.afterStopMs;
          this.afterStopMs = undefined;
          if (downMs !== undefined) this.bootAfter(downMs);
        },
        (e: unknown) => this.ctx.problem(`stop of ${this.name}`, e),
      );
  }

  /** cli's Daemon.restartNode: release and leave, wait until peers noticed, start anew. */
  private async restart(incarnation: Incarnation, delayMs: number): Promise<void> {
    await this.ctx.clock.sleep(delayMs);
    if (this.current !== incarnation || !this.wantUp || this.phase !== 'running') return;
    this.afterStopMs = Math.ceil(this.ctx.deadtimeMs / 1000) * 1000 + 1000;
    this.leave(incarnation);
  }

  /** Boots after `delayMs`, and never before a machine that lost power has rebooted. */
  private bootAfter(delayMs: number): void {
    this.cancelBoot();
    const waitMs = Math.max(delayMs, this.poweredOffUntilMs - this.ctx.clock.now());
    this.bootTimer = this.ctx.clock.setTimeout(() => {
      this.bootTimer = undefined;
      this.boot();
    }, waitMs);
  }

  private cancelBoot(): void {
    this.bootTimer?.cancel();
    this.bootTimer = undefined;
  }

  private end(incarnation: Incarnation): void {
    incarnation.alive = false;
    if (this.current === incarnation) this.current = undefined;
  }

  private setPhase(phase: MachinePhase): void {
    this.phase = phase;
    this.phaseSinceMs = this.ctx.clock.now();
  }
}
