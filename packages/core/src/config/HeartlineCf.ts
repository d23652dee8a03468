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

/**
 * One `timeouts SELECTOR [start=T] [stop=T]` line of heartline.cf: how long a start or stop of the
 * selected resource (or of every resource of the selected type) may run before its process group
 * is killed and the operation counts as failed. A resource line beats a type line, key by key; a
 * key left out comes from a less specific line or the defaults (defaultOperationTimeouts).
 */
export interface TimeoutRule {
  readonly selector: string;
  readonly startMs?: number;
  readonly stopMs?: number;
  readonly where: SourceLocation;
}

/**
 * The `metrics` line of heartline.cf: a Prometheus endpoint, off unless the line says otherwise.
 * `metrics on` alone serves on the loopback address only.
 */
export interface MetricsSettings {
  readonly enabled: boolean;
  /** An IP address (never a name): 127.0.0.1 unless `listen=` gives one. */
  readonly host: string;
  readonly port: number;
  /** `remote=yes`: the admin means a non-loopback address, which anyone who reaches it can read. */
  readonly remote: boolean;
  readonly where: SourceLocation;
}

/** Heartline's own settings file, /etc/ha.d/heartline.cf, which heartbeat never reads. */
export interface HeartlineCf {
  readonly monitors: readonly MonitorRule[];
  readonly timeouts: readonly TimeoutRule[];
  /** Absent: no `metrics` line, no endpoint. */
  readonly metrics?: MetricsSettings;
}

export const emptyHeartlineCf: HeartlineCf = { monitors: [], timeouts: [] };
