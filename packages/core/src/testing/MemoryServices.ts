import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { AgentContext } from '../resources/AgentContext.js';
import type { AgentResult } from '../resources/AgentResult.js';
import type { ResourceAgent } from '../resources/ResourceAgent.js';
import type { ResourceInstance } from '../resources/ResourceInstance.js';

export interface ServiceEvent {
  readonly atMs: number;
  readonly node: string;
  readonly operation: 'start' | 'stop' | 'start-failed' | 'crash';
  readonly resource: string;
}

/**
 * Services of an in-memory cluster: which resource runs on which node, and every start and stop
 * in order. Its agent serves any type; each operation takes `operationMs` of the shared clock.
 */
export class MemoryServices {
  readonly events: ServiceEvent[] = [];
  private readonly running = new Map<string, Set<string>>();
  /** Power cuts per node: an operation under way when the power goes never completes. */
  private readonly powerCuts = new Map<string, number>();
  /** `node/resource` pairs whose start fails. */
  readonly failing = new Set<string>();

  constructor(private readonly operationMs = 50) {}

  isRunning(node: string, resource: string): boolean {
    return this.running.get(node)?.has(resource) ?? false;
  }

  /** Resources running on a node, sorted. */
  on(node: string): string[] {
    return [...(this.running.get(node) ?? [])].sort();
  }

  /** One resource dies on a node (a `kill -9` of its processes): monitoring should see it. */
  kill(node: string, resource: string, atMs: number): void {
    if (this.running.get(node)?.delete(resource) === true) this.events.push({ atMs, node, operation: 'crash', resource });
  }

  /** A crash: the node's processes are gone, and a start or stop under way there never completes. */
  crash(node: string, atMs: number): void {
    for (const resource of this.on(node)) this.events.push({ atMs, node, operation: 'crash', resource });
    this.running.delete(node);
    this.powerCuts.set(node, (this.powerCuts.get(node) ?? 0) + 1);
  }

  /** The agent of every type; `monitoredByDefault` as a VIP or apache agent would say. */
  agent(monitoredByDefault = false): ResourceAgent {
    return {
      type: '*',
      monitoredByDefault,
      validate: (): ConfigIssue[] => [],
      start: (r, ctx) => this.operate('start', r, ctx),
      stop: (r, ctx) => this.operate('stop', r, ctx),
      status: (r, ctx) => Promise.resolve(this.isRunning(ctx.nodeName, r.spec) ? { status: 'running' } : { status: 'stopped' }),
    };
  }

  private async operate(operation: 'start' | 'stop', resource: ResourceInstance, ctx: AgentContext): Promise<AgentResult> {
    const cuts = this.powerCuts.get(ctx.nodeName) ?? 0;
    await ctx.clock.sleep(this.operationMs);
    // The machine lost power meanwhile: the operation died with it (its node is gone too).
    if ((this.powerCuts.get(ctx.nodeName) ?? 0) !== cuts) return { status: 'failed', reason: 'the machine lost power' };
    const set = this.running.get(ctx.nodeName) ?? new Set<string>();
    this.running.set(ctx.nodeName, set);
    if (operation === 'start' && this.failing.has(`${ctx.nodeName}/${resource.spec}`)) {
      this.events.push({ atMs: ctx.clock.now(), node: ctx.nodeName, operation: 'start-failed', resource: resource.spec });
      return { status: 'failed', reason: 'injected failure', code: 1 };
    }
    if (operation === 'start') set.add(resource.spec);
    // Stopping what is not running succeeds quietly, as an LSB script's stop does.
    else if (!set.delete(resource.spec)) return { status: 'stopped' };
    this.events.push({ atMs: ctx.clock.now(), node: ctx.nodeName, operation, resource: resource.spec });
    return { status: operation === 'start' ? 'running' : 'stopped' };
  }
}
