import { e2eSkipReason } from '@heartline/core/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The real heartbeat 3.0.6 serial capture in `shared/vectors` (beside the clone; HEARTLINE_VECTORS overrides). */
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url)); // from packages/transport-serial/dist/test/helpers/
export const vectorsDir = join(process.env['HEARTLINE_VECTORS'] ?? join(repoRoot, '..', 'shared', 'vectors'), 'heartbeat-3.0.6');
export const vectorKey = 'hbl-lab-test-key';
const base = '20-serial-2node';

/** Why the serial vector tests cannot run here (false when they can); an error under HEARTLINE_REQUIRE_E2E=1. */
export function serialVectorsSkipReason(): string | false {
  return e2eSkipReason({ root: false, files: [join(vectorsDir, `${base}.txt`)] }) ?? false;
}

export interface SerialDirection {
  /** Exactly the bytes that node wrote on the cable. */
  readonly stream: Buffer;
  /** Each message as the dump's `raw:` line gives it, in stream order. */
  readonly frames: Buffer[];
}

/** `node1` wrote tty1-to-tty2, `node2` wrote tty2-to-tty1. */
export function readSerialDirection(writer: 'node1' | 'node2'): SerialDirection {
  const file = writer === 'node1' ? `${base}.tty1-to-tty2.bin` : `${base}.tty2-to-tty1.bin`;
  const stream = readFileSync(join(vectorsDir, file));
  const frames: Buffer[] = [];
  let mine = false;
  for (const line of readFileSync(join(vectorsDir, `${base}.txt`), 'utf8').split('\n')) {
    if (line.startsWith('##### ')) mine = line.includes(file);
    else if (mine && line.startsWith('    raw: ')) frames.push(unescapeC(line.slice('    raw: '.length)));
  }
  return { stream, frames };
}

/** The dumps' C escaping: `\n`, `\\`, `\"`, `\xNN`. */
function unescapeC(quoted: string): Buffer {
  const body = quoted.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (body[i] !== '\\') {
      out.push(c);
      continue;
    }
    const next = body[++i];
    if (next === 'n') out.push(0x0a);
    else if (next === 'x') {
      out.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push((next ?? '').charCodeAt(0));
  }
  return Buffer.from(out);
}
