import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabNode } from './LabNode.js';
import { repoRoot } from './repoRoot.js';

/**
 * The LSB fixture service (test/fixtures/lsb/hlsvc): copied into a node's /etc/init.d under any
 * name, `start` runs a detached long-running process for that name (pid file /run/NAME.pid),
 * `stop` kills it and waits until it is gone, `status` prints `NAME is running (pid N)` (exit 0) or
 * `NAME is not running` (exit 3). Every start and stop appends one line
 * `<epoch-ms> <hostname> <event> <name> <pid|->` to the node's /var/log/hlsvc-events.log. `start`
 * fails (exit 1, `start-failed`) while /etc/ha.d/hlsvc-fail-NAME exists.
 */
export const LSB_FIXTURE_SCRIPT = join(repoRoot, 'test/fixtures/lsb/hlsvc');

/** The event log's file name in the node's /var/log (`node.logDir` on the host). */
export const LSB_EVENTS_LOG = 'hlsvc-events.log';

/**
 * start / stop: a real transition; start-noop / stop-noop: asked while already running / stopped;
 * start-failed: refused because of the failure flag.
 */
export type LsbEventKind = 'start' | 'stop' | 'start-noop' | 'stop-noop' | 'start-failed';

export interface LsbEvent {
  /** Wall clock (epoch ms) of the node, i.e. of the host: comparable across nodes. */
  readonly atMs: number;
  /** `uname -n` of the node that ran the script. */
  readonly host: string;
  readonly kind: LsbEventKind;
  readonly service: string;
  /** The service process's pid inside the node (undefined for stop-noop and start-failed). */
  readonly pid: number | undefined;
}

/** Installs the fixture as /etc/init.d/NAME on `node` (works while the node is down too); returns that path. */
export function installLsbService(node: LabNode, name: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new RangeError(`bad service name ${JSON.stringify(name)}`);
  const target = join(node.initDir, name);
  copyFileSync(LSB_FIXTURE_SCRIPT, target);
  chmodSync(target, 0o755);
  return `/etc/init.d/${name}`;
}

/** Makes the service's `start` fail on `node` (or succeed again): the flag file /etc/ha.d/hlsvc-fail-NAME. */
export function setLsbStartFailure(node: LabNode, name: string, fail: boolean): void {
  const flag = join(node.configDir, `hlsvc-fail-${name}`);
  if (fail) writeFileSync(flag, '');
  else rmSync(flag, { force: true });
}

/** The node's fixture events so far, in the order they were written. */
export function readLsbEvents(node: LabNode): LsbEvent[] {
  const path = join(node.logDir, LSB_EVENTS_LOG);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map(parseLsbEvent);
}

export function parseLsbEvent(line: string): LsbEvent {
  const m = /^(\d+) (\S+) (start|stop|start-noop|stop-noop|start-failed) (\S+) (\d+|-)$/.exec(line.trim());
  if (m === null) throw new Error(`not an hlsvc event line: ${JSON.stringify(line)}`);
  return { atMs: Number(m[1]), host: m[2]!, kind: m[3] as LsbEventKind, service: m[4]!, pid: m[5] === '-' ? undefined : Number(m[5]) };
}

/** `/etc/init.d/NAME status` on the node; a node that is down runs nothing. */
export async function lsbStatus(node: LabNode, name: string): Promise<{ readonly running: boolean; readonly pid: number | undefined; readonly output: string }> {
  if (!node.running) return { running: false, pid: undefined, output: `${node.name} is down` };
  const result = await node.exec(`/etc/init.d/${name}`, ['status'], { allowFailure: true, timeoutMs: 10_000 });
  const output = result.stdout.trim();
  if (result.code === 0) return { running: true, pid: Number(/\(pid (\d+)\)/.exec(output)?.[1]), output };
  if (result.code === 3) return { running: false, pid: undefined, output };
  throw new Error(`${node.name}: /etc/init.d/${name} status exited ${result.code}: ${output} ${result.stderr.trim()}`);
}

/** Whether the service runs on the node right now (LSB status exit 0). */
export async function isLsbServiceRunning(node: LabNode, name: string): Promise<boolean> {
  return (await lsbStatus(node, name)).running;
}

/** A node's power cut, in the events' clock (epoch ms: `performance.timeOrigin + node.crash()`). */
export interface NodeCrash {
  readonly host: string;
  readonly atMs: number;
}

/** One run of a service on a host: from its `start` to its `stop`, or the host's crash, or still running (Infinity). */
export interface LsbRun {
  readonly service: string;
  readonly host: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly endedBy: 'stop' | 'crash' | 'running';
}

/**
 * The runs of every service on every host, from the events of all nodes and the nodes' crashes
 * (a crash ends whatever ran on that node without a `stop` line).
 */
export function lsbRuns(events: readonly LsbEvent[], crashes: readonly NodeCrash[] = []): LsbRun[] {
  const runs: LsbRun[] = [];
  const open = new Map<string, { service: string; host: string; startMs: number }>();
  const closeAt = (key: string, endMs: number, endedBy: LsbRun['endedBy']): void => {
    const run = open.get(key);
    if (run === undefined) return;
    open.delete(key);
    runs.push({ ...run, endMs, endedBy });
  };
  type Step = { readonly atMs: number; readonly event?: LsbEvent; readonly crash?: NodeCrash };
  // Stable sort: a node's own events keep their written order when they fall on the same ms.
  const steps: Step[] = [...events.map((event) => ({ atMs: event.atMs, event })), ...crashes.map((crash) => ({ atMs: crash.atMs, crash }))];
  steps.sort((a, b) => a.atMs - b.atMs);
  for (const step of steps) {
    if (step.crash !== undefined) {
      for (const key of [...open.keys()]) if (open.get(key)!.host === step.crash.host) closeAt(key, step.crash.atMs, 'crash');
      continue;
    }
    const e = step.event!;
    const key = `${e.host}\u0000${e.service}`;
    if (e.kind === 'start' && !open.has(key)) open.set(key, { service: e.service, host: e.host, startMs: e.atMs });
    else if (e.kind === 'stop') closeAt(key, e.atMs, 'stop');
  }
  for (const key of [...open.keys()]) closeAt(key, Infinity, 'running');
  return runs;
}

/** Pairs of runs of the same service on two hosts that overlap in time (none in a sane cluster). */
export function lsbOverlaps(runs: readonly LsbRun[]): Array<readonly [LsbRun, LsbRun]> {
  const overlaps: Array<readonly [LsbRun, LsbRun]> = [];
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i]!;
      const b = runs[j]!;
      if (a.service === b.service && a.host !== b.host && a.startMs < b.endMs && b.startMs < a.endMs) overlaps.push([a, b]);
    }
  }
  return overlaps;
}
