/** One external command an agent runs: script, arguments, environment, and how long it may take. */
export interface CommandRequest {
  readonly file: string;
  readonly args: readonly string[];
  /** Added to the daemon's environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly cwd?: string;
  /**
   * Called once the process exists, with its pid (also its process group id): for callers that
   * watch a long-running helper (the IP agent waits until its ARP tool has sent the first packet).
   * Not called when the command cannot be started.
   */
  readonly onSpawn?: (pid: number) => void;
}

export interface CommandOutcome {
  /** undefined when killed by a signal or never started. */
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** The whole process group was killed because `timeoutMs` passed. */
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** The command could not be started at all (ENOENT, EACCES...). */
  readonly spawnError?: string;
}

/**
 * Runs resource scripts. Each command gets its own process group (scripts fork daemons and
 * helpers), and on timeout or abort the whole group is killed, never just the shell.
 */
export interface CommandRunner {
  run(request: CommandRequest): Promise<CommandOutcome>;
}
