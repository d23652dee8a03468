/** Answers one request the control layer let through (its `v` checked, its socket allowed); throwing refuses it. */
export type ControlHandler = (request: Record<string, unknown>) => unknown;
