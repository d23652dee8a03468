import type { SourceLocation } from './SourceLocation.js';

/** What one `monitor` line sets; a key left out comes from a less specific line or the defaults. */
export interface MonitorOverrides {
  /** false: `off`, the resource is not checked; true: `on` or any key given. */
  readonly enabled?: boolean;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  /** Restarts in place allowed within `windowMs` before the group is handed to the peer. */
  readonly restarts?: number;
  readonly windowMs?: number;
}

/**
 * One `monitor SELECTOR ...` line of heartline.cf. The selector is a resource as written in
 * haresources (`IPaddr::10.0.0.5/24`, `apache::/etc/apache2/apache2.conf`) or a resource type
 * (`apache`, `mysql`): a resource line beats a type line.
 */
export interface MonitorRule extends MonitorOverrides {
  readonly selector: string;
  readonly where: SourceLocation;
}

/** Heartline's own settings file, /etc/ha.d/heartline.cf, which heartbeat never reads. */
export interface HeartlineCf {
  readonly monitors: readonly MonitorRule[];
}

export const emptyHeartlineCf: HeartlineCf = { monitors: [] };
