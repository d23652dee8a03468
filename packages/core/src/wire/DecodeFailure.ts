import type { DecodeFailureReason } from './DecodeResult.js';

/**
 * Thrown inside the decoder only, caught by `decodeMessage`, which turns it into a result. Not an
 * Error: no stack is captured, so rejecting garbage stays cheap.
 */
export class DecodeFailure {
  constructor(
    readonly reason: DecodeFailureReason,
    readonly detail: string,
  ) {}
}
