import type { LabNode } from './LabNode.js';

/** One scrape of a node's metrics endpoint, parsed: `value(name, labels)` finds one series. */
export interface MetricsScrape {
  readonly text: string;
  /** The value of the one series of `name` whose labels include `labels`; undefined when none. */
  value(name: string, labels?: Readonly<Record<string, string>>): number | undefined;
}

// Runs in the node's network namespace, where the daemon's loopback endpoint is: prints the
// status line, then the body.
const FETCH = `fetch(process.argv[1]).then(async (r) => process.stdout.write(r.status + '\\n' + (await r.text())), (e) => { process.stdout.write('error ' + (e.cause?.code ?? e.message) + '\\n'); });`;

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * GET http://127.0.0.1:PORT/PATH inside `node`'s network namespace (a Heartline endpoint listens
 * on the node's own loopback): the HTTP status, or `error CODE` when nothing answers, and the body.
 */
export async function fetchInNode(node: LabNode, path = '/metrics', port = 9694): Promise<{ readonly status: string; readonly body: string }> {
  const { stdout } = await node.netExec(process.execPath, ['-e', FETCH, `http://127.0.0.1:${port}${path}`], { timeoutMs: 10_000 });
  const newline = stdout.indexOf('\n');
  return { status: stdout.slice(0, newline < 0 ? undefined : newline), body: newline < 0 ? '' : stdout.slice(newline + 1) };
}

/** Scrapes `node`'s metrics endpoint (inside its namespace); throws when it does not answer 200. */
export async function scrapeMetrics(node: LabNode, port = 9694): Promise<MetricsScrape> {
  const { status, body } = await fetchInNode(node, '/metrics', port);
  if (status !== '200') throw new Error(`${node.name}: GET /metrics answered ${status}`);
  const samples = body.split('\n').flatMap((line) => {
    const m = line.startsWith('#') ? null : SAMPLE.exec(line);
    if (m === null) return [];
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(LABEL)].map((l) => [l[1] ?? '', l[2] ?? '']));
    return [{ name: m[1] ?? '', labels, value: Number(m[3]) }];
  });
  return {
    text: body,
    value: (name, labels = {}) => {
      const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      if (found.length > 1) throw new Error(`${found.length} series of ${name} match ${JSON.stringify(labels)}`);
      return found[0]?.value;
    },
  };
}
