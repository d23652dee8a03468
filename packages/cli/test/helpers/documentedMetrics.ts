import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** From dist/test/helpers/ up to the repository root. */
const docsPath = fileURLToPath(new URL('../../../../../docs/metrics.md', import.meta.url));

export interface DocumentedMetric {
  readonly type: string;
  readonly labels: readonly string[];
}

/** The table of docs/metrics.md: `| \`name\` | type | \`label\`, \`label\` | meaning |`. */
export function documentedMetrics(): Map<string, DocumentedMetric> {
  const metrics = new Map<string, DocumentedMetric>();
  for (const line of readFileSync(docsPath, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`(heartline_[a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name === undefined) continue;
    if (metrics.has(name)) throw new Error(`${name} is documented twice`);
    const labels = [...(cells[3] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1] ?? '');
    metrics.set(name, { type: cells[2] ?? '', labels });
  }
  return metrics;
}
