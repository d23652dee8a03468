import type { ResourceOperation } from './AgentResult.js';

/** How long each operation may take before its process group is killed, in ms. */
export type OperationTimeouts = Readonly<Record<ResourceOperation, number>>;

/**
 * heartbeat waits for scripts forever; a hung init script then holds the cluster. Two minutes
 * covers slow services (databases flushing on stop) and still ends a hang.
 */
export const defaultOperationTimeouts: OperationTimeouts = { start: 120_000, stop: 120_000, status: 30_000 };
