import { closeSync, constants, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log/Logger.js';

/** GENLEN: the file holds `%15lu\n`, 16 bytes. */
const genLen = 16;

/**
 * IncrGeneration / GetTimeBasedGeneration: our generation for this run. `hbgenmethod file` reads
 * `<stateDir>/hb_generation`, adds one and writes it back synchronously (a generation must never
 * be reused: peers would drop our messages as replays); without the file it starts from the time.
 * `hbgenmethod time` is the wall-clock seconds.
 */
export function nextGeneration(options: {
  readonly stateDir: string;
  readonly method: 'file' | 'time';
  readonly wallSeconds: number;
  readonly logger: Logger;
}): number {
  const { logger, wallSeconds } = options;
  let generation: number;
  if (options.method === 'time') {
    generation = wallSeconds;
  } else {
    const path = join(options.stateDir, 'hb_generation');
    const previous = readPrevious(path);
    if (previous === 'missing') {
      generation = wallSeconds;
      logger.warn(`No Previous generation - starting at ${generation + 1}`);
    } else if (previous === 'broken') {
      // heartbeat then restarts from 1, which every peer would drop as a replay; keep the time.
      generation = wallSeconds;
      logger.warn(`BROKEN previous generation - starting at ${generation + 1}`);
    } else {
      generation = previous;
    }
    generation++;
    writeGeneration(path, generation);
  }
  logger.info(`Heartbeat generation: ${generation}`);
  return generation;
}

function readPrevious(path: string): number | 'missing' | 'broken' {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return 'missing';
  }
  try {
    const buf = Buffer.alloc(genLen);
    const n = readSync(fd, buf, 0, genLen, 0);
    if (n < 1) return 'missing';
    const match = /^\s*(\d+)/.exec(buf.toString('latin1', 0, n));
    return match?.[1] === undefined ? 'broken' : Number.parseInt(match[1], 10);
  } finally {
    closeSync(fd);
  }
}

function writeGeneration(path: string, generation: number): void {
  const text = `${String(generation).padStart(genLen - 1)}\n`;
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_SYNC | constants.O_TRUNC, 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
