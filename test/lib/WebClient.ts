import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { deleteNetns } from './deleteNetns.js';
import type { NetnsLab } from './NetnsLab.js';
import { SERVED_BY } from './NodeApacheSite.js';
import { runCommand } from './runCommand.js';
import { servedByTimeline, type ServedSpan } from './servedByTimeline.js';
import { unavailabilityWindows, type UnavailabilityWindow } from './unavailabilityWindows.js';
import { waitUntil } from './waitUntil.js';
import { isGood, type WebAttempt } from './WebAttempt.js';

export interface WebClientOptions {
  /** What to fetch, e.g. `http://10.213.0.100/`. */
  readonly url: string;
  /** The client's address on the lab's subnet. Default 10.213.0.250. */
  readonly address?: string;
  /** A request goes out every this many ms, whatever the ones before are doing. Default 50. */
  readonly intervalMs?: number;
  /** A request without an answer by then is a `TIMEOUT`. Default 1000. */
  readonly timeoutMs?: number;
  /** The loop stops by itself after this long. Default 15 min. */
  readonly maxMs?: number;
}

const PROBE_SCRIPT = fileURLToPath(new URL('./webProbeLoop.js', import.meta.url));
const IFACE = 'hleth0';

/**
 * A web client on the lab's bridge: its own network namespace (`<lab>n0`, so a dead run's leftover
 * is removed with the rest of its lab), fetching a URL every 50 ms over a new connection each time
 * (webProbeLoop.js), and recording every attempt: when it went out and came back, which node the
 * page names, or the error. Times are this process's performance.now(), as the lab's (crash(),
 * LogTail) are. `close()` ends the loop and deletes the namespace.
 */
export class WebClient {
  readonly attempts: WebAttempt[] = [];
  private child: ChildProcess | undefined;
  private closed = false;

  private constructor(
    readonly ns: string,
    private readonly port: string,
    private readonly bridgeNs: string,
    private readonly logFile: string,
    readonly options: Required<WebClientOptions>,
  ) {}

  /** Creates the namespace on the lab's bridge and starts fetching. */
  static async create(lab: NetnsLab, options: WebClientOptions): Promise<WebClient> {
    const full = { address: '10.213.0.250', intervalMs: 50, timeoutMs: 1000, maxMs: 15 * 60_000, ...options };
    const client = new WebClient(`${lab.id}n0`, 'pweb', lab.bridgeNs, join(lab.dir, 'web-client.err'), full);
    try {
      await client.attach();
      client.startLoop();
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }

  /** A mark to pass as `sinceMs`: only the requests sent from now on. */
  mark(): number {
    return performance.now();
  }

  /** The attempts sent since `sinceMs`, in the order they went out. */
  since(sinceMs = 0): WebAttempt[] {
    return this.attempts.filter((a) => a.startedMs >= sinceMs).sort((a, b) => a.seq - b.seq);
  }

  /** Resolves with the first page from `node` among the requests sent since `sinceMs`. */
  waitForServer(node: string, options: { sinceMs?: number; timeoutMs?: number } = {}): Promise<WebAttempt> {
    const sinceMs = options.sinceMs ?? 0;
    return waitUntil(`a page from ${node} at ${this.options.url}`, () => {
      this.assertRunning();
      return this.since(sinceMs).find((a) => a.servedBy === node);
    }, { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 20 }).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; what the client saw: ${this.describe(sinceMs)}`);
    });
  }

  /**
   * Waits until every request up to `seq` has its answer or error: requests to a dead host finish
   * only at their timeout, after later ones, so a window's `failures` are complete only then.
   */
  async waitAnswered(seq: number): Promise<void> {
    await waitUntil(`the answers to the requests up to #${seq}`, () => {
      this.assertRunning();
      return this.attempts.filter((a) => a.seq <= seq).length >= seq + 1 ? true : undefined;
    }, { timeoutMs: this.options.timeoutMs + 2_000, intervalMs: 20 });
  }

  /** Who answered since `sinceMs`, runs of the same outcome merged: `node1`, `error: TIMEOUT`, `node2`… */
  servedBy(sinceMs = 0): ServedSpan[] {
    return servedByTimeline(this.since(sinceMs));
  }

  /** The nodes that served the page since `sinceMs`, in order, a node once per run of its pages (errors between left out). */
  servers(sinceMs = 0): string[] {
    const nodes: string[] = [];
    for (const a of this.since(sinceMs)) if (a.servedBy !== undefined && nodes.at(-1) !== a.servedBy) nodes.push(a.servedBy);
    return nodes;
  }

  /** Every closed window without the page among the requests sent since `sinceMs`. */
  unavailabilityWindows(sinceMs = 0): UnavailabilityWindow[] {
    return unavailabilityWindows(this.since(sinceMs));
  }

  /**
   * The outage a fault at `faultMs` caused: from the last good response to a request sent before it
   * to the first good response (from `by`, when given) to a request sent after it. Undefined while
   * there is no such response yet. Its `failures` lack the requests still waiting for their
   * timeout: `waitAnswered(firstGood.seq)` first.
   */
  outage(faultMs: number, by?: string): UnavailabilityWindow | undefined {
    const all = this.since(0);
    const lastGood = all.filter((a) => a.startedMs <= faultMs && isGood(a)).at(-1);
    const firstGood = all.find((a) => a.startedMs > faultMs && isGood(a) && (by === undefined || a.servedBy === by));
    if (lastGood === undefined || firstGood === undefined) return undefined;
    const failures = all.filter((a) => a.seq > lastGood.seq && a.seq < firstGood.seq && !isGood(a));
    return {
      lastGood,
      firstGood,
      durationMs: firstGood.endedMs - lastGood.endedMs,
      failures,
      errors: [...new Set(failures.map((f) => f.error ?? '?'))],
    };
  }

  /**
   * The timeline since `sinceMs` in one line, for error messages and diagnostics: pages per node,
   * and each stretch without a page with its errors, e.g. `node1 ×20 (+3..1010 ms), no page ×31
   * (ECONNREFUSED, TIMEOUT) (+1060..2985 ms), node2 ×4 (…)`.
   */
  describe(sinceMs = 0): string {
    const spans: Array<{ what: string; errors: Set<string>; first: number; last: number; attempts: number }> = [];
    for (const s of this.servedBy(sinceMs)) {
      const error = s.what.startsWith('error: ') ? s.what.slice('error: '.length) : undefined;
      const what = error === undefined ? s.what : 'no page';
      const last = spans.at(-1);
      if (last?.what === what && error !== undefined) {
        last.errors.add(error);
        last.last = Math.max(last.last, s.lastEndedMs);
        last.attempts += s.attempts;
      } else {
        spans.push({ what, errors: new Set(error === undefined ? [] : [error]), first: s.firstStartedMs, last: s.lastEndedMs, attempts: s.attempts });
      }
    }
    if (spans.length === 0) return 'no answer yet';
    const errors = (set: Set<string>): string => (set.size === 0 ? '' : ` (${[...set].join(', ')})`);
    return spans.map((s) => `${s.what} ×${s.attempts}${errors(s.errors)} (+${Math.round(s.first - sinceMs)}..${Math.round(s.last - sinceMs)} ms)`).join(', ');
  }

  /** Stops the loop (its whole process group) and deletes the namespace. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pid = this.child?.pid;
    if (pid !== undefined && this.child?.exitCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await deleteNetns(this.ns);
  }

  private assertRunning(): void {
    const child = this.child;
    if (child !== undefined && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the web client's loop exited (${child.exitCode ?? child.signalCode}); see ${this.logFile}`);
    }
  }

  /** The namespace and a veth pair to the bridge, both ends created in their namespaces. */
  private async attach(): Promise<void> {
    const { ns } = this;
    await runCommand('ip', ['netns', 'add', ns]);
    await runCommand('ip', ['netns', 'exec', ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
    await runCommand('ip', ['link', 'add', 'name', this.port, 'netns', this.bridgeNs, 'type', 'veth', 'peer', 'name', IFACE, 'netns', ns]);
    await runCommand('ip', ['-n', this.bridgeNs, 'link', 'set', this.port, 'master', 'br0']);
    await runCommand('ip', ['-n', this.bridgeNs, 'link', 'set', this.port, 'up']);
    await runCommand('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    await runCommand('ip', ['-n', ns, 'link', 'set', IFACE, 'address', '02:00:0a:d5:00:fa']);
    await runCommand('ip', ['-n', ns, 'addr', 'add', `${this.options.address}/24`, 'brd', '+', 'dev', IFACE]);
    await runCommand('ip', ['-n', ns, 'link', 'set', IFACE, 'up']);
  }

  private startLoop(): void {
    const { url, intervalMs, timeoutMs, maxMs } = this.options;
    const err = openSync(this.logFile, 'a');
    const child = spawn('ip', ['netns', 'exec', this.ns, process.execPath, PROBE_SCRIPT, url, String(intervalMs), String(timeoutMs), String(maxMs)], {
      detached: true,
      stdio: ['pipe', 'pipe', err],
    });
    closeSync(err);
    this.child = child;
    child.stdin!.on('error', () => undefined);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => this.record(line));
  }

  private record(line: string): void {
    let raw: { seq: number; startedAt: number; endedAt: number; status?: number; body?: string; error?: string };
    try {
      raw = JSON.parse(line) as typeof raw;
    } catch {
      return;
    }
    const servedBy = raw.status === 200 ? SERVED_BY.exec(raw.body ?? '')?.[1] : undefined;
    const error = raw.error ?? (raw.status !== 200 ? `HTTP ${raw.status}` : servedBy === undefined ? "not the site's page" : undefined);
    this.attempts.push({
      seq: raw.seq,
      startedMs: raw.startedAt - performance.timeOrigin,
      endedMs: raw.endedAt - performance.timeOrigin,
      servedBy,
      error,
    });
  }
}
