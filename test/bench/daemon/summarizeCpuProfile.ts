import { readFileSync } from 'node:fs';
import type { ProfileWindow } from './profilingArgs.js';
import type { ProfileSummary } from './ProfileSummary.js';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * Reads V8 .cpuprofile files (--cpu-prof) and sums, over the samples that fall in `window`, the time
 * of each: a sample lasts until the next one. Several files (one per node) add up.
 */
export function summarizeCpuProfile(files: readonly string[], window: ProfileWindow): ProfileSummary {
  let busyUs = 0;
  let idleUs = 0;
  const selfByFunction = new Map<string, number>();
  const selfByPlace = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number): void => {
    map.set(key, (map.get(key) ?? 0) + us);
  };
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i] ?? 0;
      const us = profile.timeDeltas[i + 1] ?? 0;
      if (at < window.startUs || at >= window.endUs) continue;
      const node = byId.get(profile.samples[i]!)!;
      const name = node.callFrame.functionName;
      if (name === '(idle)') {
        idleUs += us;
        continue;
      }
      busyUs += us;
      add(selfByFunction, functionKey(node.callFrame), us);
      add(selfByPlace, placeOf(node.callFrame), us);
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const key = functionKey(byId.get(id)!.callFrame);
        if (key === '(root)' || seen.has(key)) continue;
        seen.add(key);
        add(totalByFunction, key, us);
      }
    }
  }
  return { busyUs, idleUs, selfByFunction, selfByPlace, totalByFunction };
}

function functionKey(frame: CallFrame): string {
  if (frame.url === '') return frame.functionName || '(anonymous)';
  return `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

/** A package (`@oclif/core`), a Heartline folder (`core/membership`), `node:internal`, or V8's own entries. */
function placeOf(frame: CallFrame): string {
  const url = frame.url;
  if (url === '') return frame.functionName;
  if (url.startsWith('node:')) return 'node: (Node.js built-ins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg !== undefined && !pkg.startsWith('@heartline/')) return pkg;
  const ours = /packages\/([^/]+)\/dist\/src\/(?:([^/]+)\/)?/.exec(url);
  if (ours !== null) return `heartline ${ours[1]}/${ours[2] ?? ''}`;
  return shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(node_modules|packages)\//, '$1/');
}
