import type { Readable } from 'node:stream';

/**
 * Calls `onLine` with each complete line (without its `\n`) that `stream` yields, as UTF-8; the
 * unfinished tail waits for the next chunk. Nothing happens for a missing stream (a child's stdio
 * that is not a pipe).
 */
export function onLines(stream: Readable | null | undefined, onLine: (line: string) => void): void {
  let buffered = '';
  stream?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}
