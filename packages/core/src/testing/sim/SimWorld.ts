import type { ResourceAgent } from '../../resources/ResourceAgent.js';
import type { LogRecord, LogSink } from '../../log/Logger.js';
import { StructuredLogger } from '../../log/StructuredLogger.js';
import { ClusterNode } from '../../node/ClusterNode.js';
import { StaticAgentProvider } from '../../resources/StaticAgentProvider.js';
import { ManualClock } from '../../time/ManualClock.js';
import { StaticTransportProvider } from '../../transport/StaticTransportProvider.js';
import { InMemoryNetwork } from '../InMemoryNetwork.js';
import { InMemoryTransportFactory } from '../InMemoryTransportFactory.js';
import { MemoryServices } from '../MemoryServices.js';
import { describeStep } from './describeStep.js';
import { incarnationAgent } from './incarnationAgent.js';
import { simBounds } from './simBounds.js';
import { SimChecker } from './SimChecker.js';
import { simClusterConfig, type SimClusterConfig } from './simClusterConfig.js';
import { SimMachine } from './SimMachine.js';
import { SimNetworkFaults } from './SimNetworkFaults.js';
import { SimRandom } from './SimRandom.js';
import type { SimSchedule } from './SimSchedule.js';
import type { SimStep } from './SimStep.js';
import { SimTimeline } from './SimTimeline.js';
import { timelineText } from './timelineText.js';

/** How the world is built beyond the schedule: test hooks and recording. */
export interface SimWorldOptions {
  /** Record the timeline (a replay of a failing run). */
  readonly record?: boolean;
  /** The agent every node runs its services with (default: MemoryServices' own); tests pass broken ones. */
  readonly agent?: (services: MemoryServices, node: string, monitored: boolean) => ResourceAgent;
  /** Called once the world is built: tests break a part of it (a network that ignores partitions). */
  readonly tamper?: (world: SimWorld) => void;
}

/** A power cut takes at least this long to come back from: longer than deadtime, as a real reboot. */
export const simRebootMs = 8000;

const noCommands = { run: () => Promise.reject(new Error('the simulator runs no commands')) };

/**
 * One simulated cluster: nodes with the real membership, failover and resource code on a shared
 * ManualClock and InMemoryNetwork, services in MemoryServices, faults as the schedule says.
 * Time moves timer by timer, and every promise continuation runs before the next timer fires.
 */
export class SimWorld {
  readonly clock = new ManualClock(0, Date.UTC(2026, 10, 26, 8, 0, 0));
  readonly network: InMemoryNetwork;
  readonly faults: SimNetworkFaults;
  readonly services = new MemoryServices(50);
  readonly config: SimClusterConfig;
  readonly machines: SimMachine[];
  readonly checker: SimChecker;
  readonly timeline: SimTimeline;
  /** Timers fired, for the summary. */
  events = 0;
  private nextCheckMs = 0;
  private serviceEventsRecorded = 0;
  private told = false;
  private readonly lastLogged = new Map<string, number>();
  private readonly transports: StaticTransportProvider;
  private readonly problems: string[] = [];

  constructor(
    readonly schedule: SimSchedule,
    private readonly options: SimWorldOptions = {},
  ) {
    this.timeline = new SimTimeline(options.record === true);
    const netRandom = SimRandom.fork(schedule.seed, 'network');
    this.network = new InMemoryNetwork(this.clock, { latencyMs: 1, random: () => netRandom.next() });
    this.transports = new StaticTransportProvider([new InMemoryTransportFactory(this.network)]);
    this.config = simClusterConfig(schedule);
    this.faults = new SimNetworkFaults(this.network, this.config.names);
    this.machines = this.config.names.map(
      (name, i) =>
        new SimMachine(name, 0x10 + i * 0x100, {
          clock: this.clock,
          deadtimeMs: this.config.haCf.deadtimeMs,
          makeNode: (generation, alive) => this.makeNode(i, generation, alive),
          powerCut: () => this.services.crash(name, this.clock.now()),
          note: (text) => this.timeline.add(this.clock.now(), name, 'node', text),
          problem: (what, error) => this.reportProblem(what, error),
        }),
    );
    this.checker = new SimChecker(this.machines, this.services, this.config.groups, this.faults);
    options.tamper?.(this);
  }

  /** A violation, or heartbeat's unresolvable split brain: nothing more to learn from this run. */
  get ended(): boolean {
    return this.checker.violation !== undefined || this.checker.limitation !== undefined;
  }

  /** Carries out one step of the schedule (its pause is the caller's). */
  apply(step: SimStep): void {
    const now = this.clock.now();
    this.timeline.add(now, 'sim', 'step', describeStep(step, this.config.names));
    const machine = 'node' in step ? this.machines[step.node] : undefined;
    switch (step.kind) {
      case 'crash':
        machine?.crash(step.downMs, simRebootMs);
        break;
      case 'stop':
        machine?.stop(step.downMs);
        break;
      case 'standby':
      case 'takeover': {
        const refused = machine?.phase === 'running' ? machine.node?.requestStandby(step.kind, step.set) : 'the node is not running';
        if (refused !== undefined) this.timeline.add(now, machine?.name ?? '?', 'node', `refuses ${step.kind} ${step.set}: ${refused}`);
        break;
      }
      case 'kill':
        for (const m of this.machines) this.services.kill(m.name, step.resource, now);
        break;
      case 'partition':
        this.faults.partition(step.sides, now);
        break;
      case 'heal':
        this.faults.heal(now);
        break;
      case 'weather':
        this.faults.weather(step.lossPct, step.delayMs, step.dupPct, now);
        break;
      case 'wait':
        break;
    }
    this.recordServiceEvents();
  }

  /** Moves simulated time on by `ms`, timer by timer, checking the invariants every 100 ms. */
  async advance(ms: number): Promise<void> {
    const target = this.clock.now() + ms;
    while (!this.ended) {
      const due = this.clock.nextDueMs();
      if (due === undefined || due > target) break;
      this.clock.advanceTo(due);
      this.events++;
      await drain();
      this.recordServiceEvents();
      if (this.clock.now() >= this.nextCheckMs) {
        this.nextCheckMs = this.clock.now() + simBounds.checkEveryMs;
        this.check();
      }
    }
    if (this.ended) return;
    this.clock.advanceTo(target);
    await drain();
    this.recordServiceEvents();
    this.check();
  }

  private recordServiceEvents(): void {
    if (!this.timeline.recording) return;
    const events = this.services.events;
    for (; this.serviceEventsRecorded < events.length; this.serviceEventsRecorded++) {
      const e = events[this.serviceEventsRecorded];
      if (e !== undefined) this.timeline.add(e.atMs, e.node, 'service', `${e.operation} ${e.resource}`);
    }
  }

  check(): void {
    const problem = this.problems[0];
    if (problem !== undefined) this.checker.fail('exception', this.clock.now(), problem);
    const violation = this.checker.check(this.clock.now());
    if (violation !== undefined && !this.told) {
      this.told = true;
      this.timeline.add(violation.atMs, 'sim', 'violation', `${violation.invariant}: ${violation.message}`);
    }
    const limitation = this.checker.limitation;
    if (limitation !== undefined && !this.told) {
      this.told = true;
      this.timeline.add(this.clock.now(), 'sim', 'violation', `known limitation, run ends: ${limitation}`);
    }
  }

  /** Something threw that must not (a node's start, an unhandled rejection): the run fails at the next check. */
  reportProblem(what: string, error: unknown): void {
    this.problems.push(`${what} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  private makeNode(index: number, generation: number, alive: () => boolean): ClusterNode {
    const { names, haCf, authKeys, groups, monitors } = this.config;
    const name = names[index] ?? '?';
    this.checker.booted(name);
    const random = SimRandom.fork(this.schedule.seed ^ generation, name);
    const sinks: LogSink[] = this.timeline.recording ? [{ write: (r: LogRecord) => this.logged(name, r) }] : [];
    const logger = new StructuredLogger(sinks, this.clock).child({ node: name });
    const monitored = this.schedule.monitoring;
    const base = this.options.agent?.(this.services, name, monitored) ?? this.services.agent(monitored);
    const node = new ClusterNode({
      nodeName: name,
      haCf,
      authKeys,
      transports: this.transports,
      clock: this.clock,
      logger,
      stateDir: '/nonexistent',
      identity: { generation, uuid: Uint8Array.from({ length: 16 }, (_, i) => (index * 37 + i * 11 + 1) & 0xff) },
      random: () => random.next(),
      loadAverage: () => '0.00 0.00 0.00 1/1 1',
      pid: 1000 + index,
      ...(groups.length === 0
        ? {}
        : {
            resources: {
              groups,
              agents: new StaticAgentProvider([incarnationAgent(base, alive)]),
              commands: noCommands,
              haDir: '/etc/ha.d',
              initDir: '/etc/init.d',
              ...(monitors === undefined ? {} : { monitors }),
              ...(this.schedule.heartbeatPeer === index ? { upcount: 'active-only' as const } : {}),
            },
          }),
    });
    node.on((event) => {
      if (event.kind !== 'node-dead') return;
      this.checker.declaredDead(node, event.node, node.membership?.table.byName(event.node)?.track.generation ?? 0, event.heardFrom);
    });
    if (this.timeline.recording) {
      let lastStatus: string | undefined;
      node.on((event) => {
        if (event.kind !== 'message' || !event.fromSelf) return;
        // A status every keepalive says nothing new: only a change of it goes in.
        if (event.message.get('t') === 'status') {
          if (event.message.get('st') === lastStatus) return;
          lastStatus = event.message.get('st');
        }
        const text = timelineText(event.message);
        if (text !== undefined) this.timeline.add(this.clock.now(), name, 'send', text);
      });
    }
    return node;
  }

  private logged(name: string, record: LogRecord): void {
    if (record.level === 'debug' || noise.test(record.message)) return;
    // The same line again within a second (an audit repeated per message) says nothing new.
    const key = `${name}\0${record.message}`;
    const last = this.lastLogged.get(key);
    this.lastLogged.set(key, this.clock.now());
    if (last !== undefined && this.clock.now() - last < 1000) return;
    this.timeline.add(this.clock.now(), name, 'log', record.level === 'info' ? record.message : `${record.level.toUpperCase()}: ${record.message}`);
  }
}

/** Log lines that only echo what the timeline already shows (links follow their node; gaps get retransmitted). */
const noise = /^(Link \S+ (up|dead)\.|\d+ lost packet\(s\) for|No pkts missing from)/;

/** Lets every pending promise continuation run (the microtask queue empties before a macrotask). */
function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
