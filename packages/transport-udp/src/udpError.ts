import { HaError, type ErrorCode, type MediaSpec } from '@heartline/core';
import { mediaLabel } from './mediaLabel.js';

/** An HaError that names the directive and where it was written: `bcast eth9 (/etc/ha.d/ha.cf:12): …`. */
export function udpError(code: ErrorCode, spec: MediaSpec, message: string, hint?: string, cause?: unknown): HaError {
  const where = `${spec.where.file}:${spec.where.line}`;
  return new HaError(code, `${mediaLabel(spec)} (${where}): ${message}`, {
    ...(hint === undefined ? {} : { hint }),
    ...(cause === undefined ? {} : { cause }),
  });
}
