import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { WireAuth } from '../auth/WireAuth.js';
import type { AuthKeys } from '../config/AuthKeys.js';
import type { HaCf } from '../config/HaCf.js';
import { HaError } from '../errors/HaError.js';
import { FailoverCoordinator } from '../failover/FailoverCoordinator.js';
import { DeviceFencing } from '../fencing/DeviceFencing.js';
import { FenceConfirmations } from '../fencing/FenceConfirmations.js';
import type { Fencing } from '../fencing/Fencing.js';
import { fencingDefaults } from '../fencing/fencingDefaults.js';
import type { MembershipEvent } from '../membership/MembershipEvent.js';
import { Membership } from '../membership/Membership.js';
import { loadLocalUuid } from '../membership/loadLocalUuid.js';
import { nextGeneration } from '../membership/nextGeneration.js';
import { readLoadAverage } from '../membership/readLoadAverage.js';
import { writeHostCache } from '../membership/writeHostCache.js';
import { monitorSpecFor } from '../monitor/monitorSpecFor.js';
import { GroupActivator } from '../resources/GroupActivator.js';
import { resourceScriptEnv } from '../resources/resourceScriptEnv.js';
import type { Transport } from '../transport/Transport.js';
import type { TransportContext } from '../transport/TransportFactory.js';
import type { HaMessage } from '../wire/HaMessage.js';
import { BadPackets } from './BadPackets.js';
import type { ClusterNodeOptions } from './ClusterNodeOptions.js';
import type { ClusterNodeStatus } from './ClusterNodeStatus.js';
import type { PacketRefusals } from './PacketRefusals.js';
import type { PeerCounts } from './PeerCounts.js';
import { FrameCodec } from './FrameCodec.js';
import { nodeTokens } from './nodeTokens.js';

/**
 * One Heartline node: its child container, its media, the codec at the edge, and membership in
 * the middle. Every message is sealed once per wire format and written to every medium; every
 * frame received is opened (bad ones counted and dropped, never thrown) and handed to membership
 * with the medium's link name.
 */
export class ClusterNode {
  readonly container: DependencyContainer;
  private readonly codec: FrameCodec;
  private readonly badPackets: BadPackets;
  private readonly media: Transport[] = [];
  private readonly unsubscribe: Array<() => void> = [];
  private readonly listeners = new Set<(event: MembershipEvent) => void>();
  private member: Membership | undefined;
  private failover: FailoverCoordinator | undefined;
  private state: ClusterNodeStatus['state'] = 'stopped';
  private stopping: Promise<void> | undefined;
  /** ha.cf's timings in force: the options' until a reload retimes the node. */
  private timings: Pick<HaCf, 'keepaliveMs' | 'deadtimeMs' | 'warntimeMs'>;
  private markReady: () => void = () => undefined;
  /**
   * Resolves once the node is in service: comm is up and, when it has resource groups, the initial
   * resource acquisition is complete (heartbeat's "Initial resource acquisition complete") and the
   * groups it took are started. Stays pending when the node stops before.
   */
  readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });

  constructor(private readonly options: ClusterNodeOptions) {
    this.timings = { keepaliveMs: options.haCf.keepaliveMs, deadtimeMs: options.haCf.deadtimeMs, warntimeMs: options.haCf.warntimeMs };
    this.container = (options.parentContainer ?? rootContainer).createChildContainer();
    this.codec = new FrameCodec(new WireAuth(options.authKeys), options.haCf.msgfmt);
    this.badPackets = new BadPackets(options.logger, options.haCf.logBadpack, options.clock);
    const transportContext: TransportContext = { localNode: options.nodeName, clock: options.clock, logger: options.logger };
    this.container.register(nodeTokens.clock, { useValue: options.clock });
    this.container.register(nodeTokens.logger, { useValue: options.logger });
    this.container.register(nodeTokens.nodeName, { useValue: options.nodeName });
    this.container.register(nodeTokens.haCf, { useValue: options.haCf });
    this.container.register(nodeTokens.transportContext, { useValue: transportContext });
    this.container.register(nodeTokens.clusterNode, { useValue: this });
  }

  get nodeName(): string {
    return this.options.nodeName;
  }

  /** Membership, once started. */
  get membership(): Membership | undefined {
    return this.member;
  }

  on(listener: (event: MembershipEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens every medium, then starts membership (init/up statuses, timers). */
  async start(): Promise<void> {
    if (this.state !== 'stopped' || this.member !== undefined) throw new Error(`node ${this.nodeName} already started`);
    this.state = 'starting';
    const { haCf, nodeName, logger, clock } = this.options;
    if (!haCf.nodes.includes(nodeName) && haCf.autojoin !== 'any') {
      this.state = 'stopped';
      throw new HaError(
        'MEMBERSHIP_LOCAL_NODE_NOT_CONFIGURED',
        `this node is "${nodeName}", which no node line of ha.cf names (nodes: ${haCf.nodes.join(', ') || 'none'})`,
      );
    }
    try {
      const { generation, uuid } = this.options.identity ?? this.loadIdentity();
      const fencing = await this.loadFencing();
      await this.openMedia();
      const member = new Membership({
        ...haCf,
        localNode: nodeName,
        uuid,
        generation,
        nodes: haCf.nodes.includes(nodeName) ? haCf.nodes : [...haCf.nodes, nodeName],
        // No ping medium yet (ha.cf's ping lines are ignored with a warning): ping nodes that can never
        // answer would hold comm-up until initdead and show as dead, so membership does not track them.
        pingNodes: [],
        linkNames: this.media.map((m) => m.linkName),
        clock,
        logger,
        transmit: (msg) => this.transmit(msg),
        ...(this.options.random === undefined ? {} : { random: this.options.random }),
        loadAverage: this.options.loadAverage ?? (() => readLoadAverage()),
        pid: this.options.pid ?? process.pid,
        onUuidLearned: () => this.writeHostCache(),
      });
      this.member = member;
      this.container.register(nodeTokens.membership, { useValue: member });
      this.failover = this.startResourceLayer(member, fencing);
      const failover = this.failover;
      if (failover !== undefined && (this.options.resources?.groups.length ?? 0) > 0) failover.onInitialAcquisition(() => this.markReady());
      else {
        member.on((event) => {
          if (event.kind === 'comm-up') this.markReady();
        });
      }
      member.on((event) => {
        this.failover?.handle(event);
        for (const listener of [...this.listeners]) listener(event);
      });
      for (const medium of this.media) {
        this.unsubscribe.push(medium.onFrame((frame, from) => this.receive(medium, frame, from)));
        const offEvents = medium.onMediumEvent?.((event) => {
          if (event.kind === 'down' && !this.media.some((m) => m !== medium && m.linkName === medium.linkName)) {
            member.mediumLost(medium.linkName);
          }
        });
        if (offEvents !== undefined) this.unsubscribe.push(offEvents);
      }
      member.start();
      this.writeHostCache();
      this.state = 'running';
    } catch (error) {
      await this.closeMedia();
      this.state = 'stopped';
      throw error;
    }
  }

  /**
   * The embedder restarts this node soon (a healed partition: both sides renegotiate from
   * scratch): no auto-failback or standby starts meanwhile, as it would only delay the leave.
   */
  expectRestart(): void {
    this.failover?.expectRestart();
  }

  /** The graceful leave heartbeat makes on SIGTERM, then the media close. */
  stop(releaseResources?: () => Promise<void>): Promise<void> {
    this.stopping ??= (async () => {
      const member = this.member;
      if (member === undefined) return;
      this.state = 'stopping';
      const failover = this.failover;
      await member.shutdown(releaseResources ?? (failover === undefined ? undefined : () => failover.releaseAll()));
      failover?.close();
      member.halt();
      await this.closeMedia();
      this.badPackets.flush();
      this.options.logger.info(`${this.nodeName} Heartbeat shutdown complete.`);
      this.state = 'stopped';
    })();
    return this.stopping;
  }

  /** Stops at once without a word to the cluster: what a crash or SIGKILL looks like to peers. */
  async halt(): Promise<void> {
    this.failover?.close();
    this.member?.halt();
    await this.closeMedia();
    this.badPackets.flush();
    this.state = 'stopped';
  }

  /** Refused packets by reason, for metrics (status() keeps `badPackets` for `ha status`). */
  packetRefusals(): PacketRefusals {
    return {
      badPackets: this.badPackets.snapshot(),
      membership: this.member?.refusals() ?? {},
      unlogged: { ...this.badPackets.unlogged(), ...this.member?.unloggedRefusals() },
    };
  }

  /** Heartbeat intervals and retransmissions per node, for metrics; empty before the start. */
  peerCounts(): PeerCounts[] {
    const member = this.member;
    if (member === undefined) return [];
    const now = this.options.clock.now();
    return member.table.all().map((n) => ({
      node: n.name,
      type: n.type,
      heartbeats: n.counters.heartbeats,
      lateHeartbeats: n.counters.lateHeartbeats,
      lastIntervalMs: n.counters.lastIntervalMs,
      maxIntervalMs: n.counters.maxIntervalMs,
      silenceMs: Math.max(0, Math.floor(now - (n.localLastUpdateMs ?? now))),
      rexmitRequests: n.counters.rexmitRequests,
      retransmitted: n.counters.retransmitted,
    }));
  }

  status(): ClusterNodeStatus {
    const snapshot = this.member?.snapshot() ?? {
      localNode: this.nodeName,
      localStatus: 'init',
      generation: 0,
      commUp: false,
      flowControl: true,
      nodes: [],
    };
    return {
      ...snapshot,
      state: this.state,
      media: this.media.map((m) => ({ id: m.id, linkName: m.linkName, wireFormat: m.wireFormat })),
      badPackets: this.badPackets.snapshot(),
      keepaliveMs: this.timings.keepaliveMs,
      deadtimeMs: this.timings.deadtimeMs,
      ...(this.failover === undefined ? {} : { resources: this.failover.status() }),
    };
  }

  /** A reload changed keepalive, deadtime or warntime: membership uses them from now on. */
  retime(timings: Pick<HaCf, 'keepaliveMs' | 'deadtimeMs' | 'warntimeMs'>): void {
    this.timings = { ...timings };
    this.member?.retime(timings);
  }

  /**
   * A reload rotated authkeys: its active slot signs what goes out from now on and every slot it
   * lists verifies. Throws AUTH_NO_ACTIVE_SLOT (and changes nothing) when the keys cannot sign.
   */
  rekey(authKeys: AuthKeys): void {
    this.codec.rekey(new WireAuth(authKeys));
  }

  /**
   * `hb_standby` (request `standby`) or `hb_takeover` (request `takeover`) for a set of groups.
   * Returns why it cannot be done now; undefined when the request went out.
   */
  requestStandby(kind: 'standby' | 'takeover', set: 'all' | 'local' | 'foreign' | 'failback'): string | undefined {
    const failover = this.failover;
    if (failover === undefined) return 'this node runs no resource groups (no haresources)';
    return kind === 'standby' ? failover.requestStandby(set) : failover.requestTakeover(set);
  }

  /** The STONITH device's fencer, built in this node's container, bound to the device. */
  private async loadFencing(): Promise<Fencing | undefined> {
    const resources = this.options.resources;
    const fencing = resources?.fencing;
    if (resources === undefined || fencing === undefined) return undefined;
    const { haCf, nodeName, clock, logger } = this.options;
    const fencer = await fencing.fencers.fencerFor(fencing.device.type, this.container);
    return new DeviceFencing({
      fencer,
      device: fencing.device,
      nodeName,
      logger,
      clock,
      commands: resources.commands,
      env: resourceScriptEnv(haCf, nodeName, resources.haDir),
      stonithPluginDir: fencing.stonithPluginDir ?? fencingDefaults.stonithPluginDir,
      confirmations: fencing.confirmations ?? new FenceConfirmations(),
      ...(fencing.resetTimeoutMs === undefined ? {} : { resetTimeoutMs: fencing.resetTimeoutMs }),
    });
  }

  private startResourceLayer(member: Membership, fencing: Fencing | undefined): FailoverCoordinator | undefined {
    const resources = this.options.resources;
    if (resources === undefined) return undefined;
    const { haCf, nodeName, clock, logger } = this.options;
    const monitors = resources.monitors;
    const activator = new GroupActivator({
      nodeName,
      logger,
      clock,
      agents: resources.agents,
      container: this.container,
      commands: resources.commands,
      haDir: resources.haDir,
      initDir: resources.initDir,
      env: resourceScriptEnv(haCf, nodeName, resources.haDir),
      ...(resources.timeouts === undefined ? {} : { timeouts: resources.timeouts }),
      ...(resources.timeoutRules === undefined ? {} : { timeoutRules: resources.timeoutRules }),
      ...(resources.stopRetries === undefined ? {} : { stopRetries: resources.stopRetries }),
      ...(resources.stopRetryDelayMs === undefined ? {} : { stopRetryDelayMs: resources.stopRetryDelayMs }),
      ...(resources.observer === undefined ? {} : { observer: resources.observer }),
    });
    return new FailoverCoordinator({
      nodeName,
      groups: resources.groups,
      autoFailback: haCf.autoFailback,
      clock,
      logger,
      operations: {
        takeGroup: (g) => activator.takeGroup(g),
        giveGroup: (g) => activator.giveGroup(g),
        isRunning: async (g) => g.resources[0] !== undefined && (await activator.isRunning(g.resources[0])),
        runsAnyOf: async (g) => {
          for (const r of g.resources) if (await activator.isRunning(r)) return true;
          return false;
        },
        check: (r, timeoutMs) => activator.check(r, timeoutMs),
        restartFrom: (g, r) => activator.restartFrom(g, r),
      },
      ...(monitors === undefined
        ? {}
        : { monitorPlan: (g) => Promise.all(g.resources.map((r) => monitorSpecFor(r, monitors, resources.agents, this.container))) }),
      send: (message) => member.send(message),
      nodes: () => member.table.all(),
      localStatus: () => member.localStatus,
      ...(resources.upcount === undefined ? {} : { upcount: resources.upcount }),
      ...(fencing === undefined ? {} : { fencing }),
    });
  }

  private loadIdentity(): { generation: number; uuid: Uint8Array } {
    const { stateDir, haCf, logger, clock, nodeName } = this.options;
    try {
      mkdirSync(stateDir, { recursive: true, mode: 0o755 });
      const generation = nextGeneration({
        stateDir,
        method: haCf.hbgenmethod,
        wallSeconds: Math.floor(clock.wallTime().getTime() / 1000),
        logger,
      });
      const uuid = loadLocalUuid({ stateDir, from: haCf.uuidfrom, nodeName, logger });
      return { generation, uuid };
    } catch (error) {
      throw new HaError('DAEMON_STATE_DIR', `state directory ${stateDir}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * Opens every medium. One that fails stops the start, as in heartbeat, unless it retries by itself
   * (`retriesOpen`) and another medium opened: then the node runs and that link stays dead until
   * the medium comes up.
   */
  private async openMedia(): Promise<void> {
    const { haCf, nodeName, clock, logger, transports } = this.options;
    const retrying: unknown[] = [];
    for (const spec of haCf.media) {
      const factory = await transports.factoryFor(spec, this.container);
      const medium = factory.create(spec, { localNode: nodeName, clock, logger });
      this.media.push(medium);
      try {
        await medium.open();
      } catch (error) {
        if (medium.retriesOpen !== true) throw error;
        logger.error(`${(error as Error).message}; running without ${medium.id} until it opens`, { transport: medium.id });
        retrying.push(error);
      }
    }
    if (retrying.length > 0 && retrying.length === this.media.length) throw retrying[0];
  }

  private async closeMedia(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    const media = this.media.splice(0);
    await Promise.all(media.map((m) => m.close().catch(() => undefined)));
  }

  private transmit(msg: HaMessage): void {
    for (const medium of this.media) {
      let frame: Uint8Array;
      try {
        frame = this.codec.encode(msg, medium.wireFormat);
      } catch (error) {
        this.options.logger.error(`cannot encode ${msg.get('t') ?? '?'} message for ${medium.id}: ${(error as Error).message}`);
        continue;
      }
      medium.send(frame).catch((error: unknown) => {
        this.options.logger.error(`send on ${medium.id} failed: ${(error as Error).message}`);
      });
    }
  }

  private receive(medium: Transport, frame: Uint8Array, from: string): void {
    const opened = this.codec.open(frame);
    if (!opened.ok) {
      this.badPackets.record(frame, medium.linkName, from, opened.reason, opened.detail);
      return;
    }
    try {
      this.member?.receive(opened.message, medium.linkName);
    } catch (error) {
      this.badPackets.processingFailed(opened.message, medium.linkName, error);
    }
  }

  private writeHostCache(): void {
    const member = this.member;
    if (member === undefined || this.options.identity !== undefined) return;
    try {
      const nodes = member.table.all().filter((n) => n.type === 'normal');
      writeHostCache(this.options.stateDir, nodes);
    } catch (error) {
      this.options.logger.warn(`cannot write ${this.options.stateDir}/hostcache: ${(error as Error).message}`);
    }
  }
}
