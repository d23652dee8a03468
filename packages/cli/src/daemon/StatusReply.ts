import type { ClusterNodeStatus } from '@heartline/core';

/** The control socket's answer to `{"query":"status"}`, which `ha status --json` prints (schema 1). */
export interface StatusReply extends ClusterNodeStatus {
  readonly schema: 1;
  readonly version: string;
  readonly pid: number;
}
