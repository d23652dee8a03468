import { Registry } from 'prom-client';
import { ActivatorMetrics } from './ActivatorMetrics.js';
import type { MetricsContext } from './MetricsContext.js';
import { registerGroupMetrics } from './registerGroupMetrics.js';
import { registerMembershipMetrics } from './registerMembershipMetrics.js';
import { registerPacketMetrics } from './registerPacketMetrics.js';
import { scraped } from './scraped.js';
import type { ScrapeView } from './ScrapeView.js';

/**
 * Every metric of one node, in a registry of its own (never prom-client's global one). The node
 * is read once per scrape; scrapes run one after the other, so each sees one moment.
 */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly activator: ActivatorMetrics;
  private view: ScrapeView | undefined;
  private scrapes: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: MetricsContext) {
    const { nodeName, version } = context;
    scraped(this.registry, { name: 'heartline_info', help: 'This node and the Heartline version it runs (always 1).', type: 'gauge', labels: ['node', 'version'] }, function* () {
      yield [{ node: nodeName, version }, 1];
    });
    registerMembershipMetrics(this.registry, () => this.view);
    registerPacketMetrics(this.registry, () => this.view);
    registerGroupMetrics(this.registry, () => this.view);
    this.activator = new ActivatorMetrics(this.registry, context.groups);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text of this moment. */
  render(): Promise<string> {
    const next = this.scrapes.then(async () => {
      const node = this.context.node();
      this.view = node === undefined ? undefined : { status: node.status(), refusals: node.packetRefusals(), peers: node.peerCounts() };
      try {
        return await this.registry.metrics();
      } finally {
        this.view = undefined;
      }
    });
    this.scrapes = next.catch(() => undefined);
    return next;
  }
}
