import { e2eSkipReason } from '../../src/testing/e2eGate.js';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The heartbeat 3.0.6 captures in `shared/vectors` (beside the clone; `HEARTLINE_VECTORS`
 * overrides), and a reader for their `.txt` dumps.
 */
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url)); // from packages/core/dist/test/wire/
export const vectorsDir = join(process.env.HEARTLINE_VECTORS ?? join(repoRoot, '..', 'shared', 'vectors'), 'heartbeat-3.0.6');
export const vectorKey = 'hbl-lab-test-key';

/** Why the vector tests cannot run here (false when they can); an error under HEARTLINE_REQUIRE_E2E=1. */
export function vectorsSkipReason(): string | false {
  return e2eSkipReason({ root: false, files: [vectorsDir] }) ?? false;
}

export function pcapNames(): string[] {
  return readdirSync(vectorsDir)
    .filter((f) => f.endsWith('.pcap'))
    .map((f) => f.slice(0, -'.pcap'.length))
    .sort();
}

export function vectorFile(name: string): Buffer {
  return readFileSync(join(vectorsDir, name));
}

/** One decoded message of a dump: its header line, field lines, trailer and raw bytes. */
export interface DumpEntry {
  readonly header: string;
  readonly summary: string;
  readonly fieldLines: string[];
  readonly trailer: string | undefined;
  readonly raw: Buffer;
}

export interface Dump {
  readonly method: 'crc' | 'md5' | 'sha1';
  readonly entries: DumpEntry[];
}

/** Parses a `.txt` dump, keeping only the heartbeat messages (UDP payloads or serial frames). */
export function readDump(name: string): Dump {
  const text = readFileSync(join(vectorsDir, `${name}.txt`), 'utf8');
  const method = /# auth (?:checked with method|checks: inner) (crc|md5|sha1)/.exec(text)?.[1] as Dump['method'] | undefined;
  if (method === undefined) throw new Error(`${name}.txt names no auth method`);
  const entries: DumpEntry[] = [];
  let current: { header: string; summary: string; fieldLines: string[]; trailer: string | undefined } | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('=== ')) {
      current = /udp payload|=== message/.test(line) ? { header: line, summary: '', fieldLines: [], trailer: undefined } : undefined;
    } else if (current !== undefined && line.startsWith('    [')) {
      current.summary = line.trim();
    } else if (current !== undefined && line.startsWith('    -- trailer (outer auth) = ')) {
      current.trailer = line.slice('    -- trailer (outer auth) = '.length);
    } else if (current !== undefined && line.startsWith('    raw: ')) {
      entries.push({ ...current, raw: unescapeC(line.slice('    raw: '.length)) });
      current = undefined;
    } else if (current !== undefined && line.startsWith('    ')) {
      current.fieldLines.push(line.slice(4));
    }
  }
  return { method, entries };
}

/** The inverse of the dumps' C escaping: `\n`, `\\`, `\"`, `\xNN`, everything else literal. */
export function unescapeC(quoted: string): Buffer {
  if (!quoted.startsWith('"') || !quoted.endsWith('"')) throw new Error(`not a quoted string: ${quoted.slice(0, 20)}`);
  const body = quoted.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const next = body[++i];
    if (next === 'n') out.push(0x0a);
    else if (next === '\\' || next === '"') out.push(next.charCodeAt(0));
    else if (next === 'x') {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else throw new Error(`unknown escape \\${next}`);
  }
  return Buffer.from(out);
}

/** Splits a serial byte stream into messages, each running from its `>>>\n` or `###\n` to the next one. */
export function splitStream(stream: Buffer): Array<{ offset: number; bytes: Buffer }> {
  const starts: number[] = [];
  for (let i = 0; i + 4 <= stream.length; i++) {
    const s = stream.toString('latin1', i, i + 4);
    if (s === '>>>\n' || s === '###\n') starts.push(i);
  }
  return starts.map((offset, k) => ({ offset, bytes: stream.subarray(offset, starts[k + 1] ?? stream.length) }));
}
