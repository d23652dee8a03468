import { randomUUID } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/Logger.js';
import { uuidFromNodename } from './uuidFromNodename.js';

/**
 * GetUUID: our 16-byte uuid. `uuidfrom file` keeps it raw in `<stateDir>/hb_uuid`, generated once;
 * `uuidfrom nodename` derives it from the name as heartbeat does (the same on every node).
 */
export function loadLocalUuid(options: {
  readonly stateDir: string;
  readonly from: 'file' | 'nodename';
  readonly nodeName: string;
  readonly logger: Logger;
  readonly generate?: () => Uint8Array;
}): Uint8Array {
  if (options.from === 'nodename') {
    const { uuid, seed } = uuidFromNodename(options.nodeName);
    options.logger.info(`seed is ${seed}`);
    return uuid;
  }
  const path = join(options.stateDir, 'hb_uuid');
  const existing = readUuid(path);
  if (existing !== undefined) return existing;
  options.logger.info('No uuid found for current node - generating a new uuid.');
  const uuid = options.generate?.() ?? Uint8Array.from(Buffer.from(randomUUID().replaceAll('-', ''), 'hex'));
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_SYNC, 0o644);
  try {
    writeSync(fd, uuid);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return uuid;
}

function readUuid(path: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = new Uint8Array(16);
    return readSync(fd, buf, 0, 16, 0) === 16 ? buf : undefined;
  } finally {
    closeSync(fd);
  }
}
