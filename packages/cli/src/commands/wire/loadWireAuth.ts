import { readFile } from 'node:fs/promises';
import { HaError, WireAuth, formatIssue, parseAuthKeys } from '@heartline/core';

/**
 * The keys of an authkeys file, for checking captured packets. Unlike the daemon, a decoding tool
 * does not insist on mode 0600: it may be handed a copy of the file.
 */
export async function loadWireAuth(path: string): Promise<{ auth: WireAuth; method: (slot: number) => string | undefined }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HaError('CLI_WIRE_INPUT_UNREADABLE', `cannot read authkeys ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseAuthKeys(text, path);
  const firstError = parsed.issues.find((i) => i.severity === 'error');
  if (parsed.keys === undefined || firstError !== undefined) {
    throw new HaError('CLI_WIRE_BAD_AUTHKEYS', firstError === undefined ? `${path} defines no signing key` : formatIssue(firstError));
  }
  const keys = parsed.keys;
  return { auth: new WireAuth(keys), method: (slot) => keys.slots.get(slot)?.method };
}
