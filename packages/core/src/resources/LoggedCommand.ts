/** One command an agent runs, with what to log around it. */
export interface LoggedCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** Logged at info before the command runs: heartbeat's `Running …` line for start and stop. */
  readonly announce?: string;
  /** Exit codes that are answers, not failures (default: only 0); others log `Return code N from …`. */
  readonly isExpected?: (exitCode: number) => boolean;
}
