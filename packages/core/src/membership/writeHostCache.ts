import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { formatUuid } from '../wire/formatUuid.js';

/**
 * write_node_uuid_file: `<stateDir>/hostcache`, one `name\tuuid\tweight\tsite\n` line per normal
 * node, written to `hostcache.tmp`, fsynced and renamed over the old one.
 */
export function writeHostCache(
  stateDir: string,
  nodes: ReadonlyArray<{ readonly name: string; readonly uuid: Uint8Array | undefined }>,
): void {
  const tmp = join(stateDir, 'hostcache.tmp');
  const text = nodes
    .map((n) => `${n.name}\t${formatUuid(n.uuid ?? new Uint8Array(16))}\t100\t\n`)
    .join('');
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(stateDir, 'hostcache'));
}
