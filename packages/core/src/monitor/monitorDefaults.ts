/**
 * A check every 10 s finds a dead web server within seconds of a power-cut failover's own delay;
 * three restarts in ten minutes heal a crash or two, and a service that keeps dying goes to the
 * peer instead of flapping here.
 */
export const monitorDefaults = { intervalMs: 10_000, timeoutMs: 20_000, restarts: 3, windowMs: 600_000 } as const;
