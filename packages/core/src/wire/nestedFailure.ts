import { DecodeFailure } from './DecodeFailure.js';

/**
 * A failure inside a nested struct. Its outer item was complete, so running out of data inside it
 * means the struct itself is malformed: those become `bad-nesting`; other reasons keep their name.
 */
export function nestedFailure(e: unknown, name: string): unknown {
  if (!(e instanceof DecodeFailure)) return e;
  if (e.reason === 'truncated' || e.reason === 'missing-end' || e.reason === 'bad-prefix' || e.reason === 'trailing-bytes') {
    return new DecodeFailure('bad-nesting', `struct ${JSON.stringify(name)}: ${e.detail}`);
  }
  return e;
}
