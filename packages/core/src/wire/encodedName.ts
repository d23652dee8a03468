import { HaError } from '../errors/HaError.js';

const cache = new Map<string, Buffer>();
const cacheLimit = 1024;

/**
 * A field name as wire bytes, checked once and cached: messages reuse a handful of names, so the
 * encoders pay the checks and the UTF-8 encoding once per name, not once per field.
 */
export function encodedName(name: string): Buffer {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const problem = nameProblem(name);
  if (problem !== undefined) {
    throw new HaError('WIRE_UNENCODABLE', `field name ${JSON.stringify(name)} ${problem}`);
  }
  const bytes = Buffer.from(name, 'utf8');
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(name, bytes);
  return bytes;
}

// Each rule keeps a name that heartbeat would parse back differently (or refuse) off the wire.
function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.includes('=')) return "contains '=' (the name/value separator)";
  if (name.includes('\n') || name.includes('\0')) return 'contains a newline or NUL';
  if (name.startsWith('(')) return "starts with '(' (read as a type prefix)";
  if (name.startsWith('>>>')) return "starts with '>>>' (heartbeat refuses it)";
  if (!isWellFormed(name)) return 'contains an unpaired surrogate (not encodable as UTF-8)';
  return undefined;
}

/** False when the string has a lone surrogate half, which UTF-8 cannot carry. */
export function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}
