import { readFile } from 'node:fs/promises';
import { HaError } from '@heartline/core';

/** The whole of FILE, or of stdin for `-`. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    if (file !== '-') return await readFile(file);
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new HaError('CLI_WIRE_INPUT_UNREADABLE', `cannot read ${file === '-' ? 'stdin' : file}: ${(error as Error).message}`, { cause: error });
  }
}
