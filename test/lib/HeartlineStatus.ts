/** The parts of `ha status --json` (schema 1) the tests read. */
export interface HeartlineStatus {
  readonly schema: number;
  readonly state: string;
  readonly localNode: string;
  readonly localStatus: string;
  readonly generation: number;
  readonly commUp: boolean;
  readonly nodes: ReadonlyArray<{
    readonly name: string;
    readonly status: string;
    readonly deadtimeMs: number;
    readonly links: ReadonlyArray<{ readonly name: string; readonly status: string }>;
  }>;
  readonly media: ReadonlyArray<{ readonly id: string; readonly linkName: string }>;
  readonly badPackets: Readonly<Record<string, number>>;
}
