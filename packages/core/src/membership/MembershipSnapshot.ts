/** A point-in-time view of membership, for `ha status` and tests. */
export interface MembershipSnapshot {
  readonly localNode: string;
  readonly localStatus: string;
  readonly generation: number;
  readonly commUp: boolean;
  readonly flowControl: boolean;
  readonly nodes: ReadonlyArray<{
    readonly name: string;
    readonly type: 'normal' | 'ping';
    readonly status: string;
    readonly uuid: string | undefined;
    readonly deadtimeMs: number;
    readonly links: ReadonlyArray<{ readonly name: string; readonly status: 'up' | 'dead' }>;
  }>;
}
