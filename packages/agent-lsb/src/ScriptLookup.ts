/** Where `locateScript` looked for a resource script and what it found. */
export interface ScriptLookup {
  /** The script that runs: the first regular executable file in `searched` order. */
  readonly path: string | undefined;
  /** The candidate paths, in heartbeat's order: resource.d first, then init.d. */
  readonly searched: readonly string[];
  /** Candidates that exist as regular files but are not executable (heartbeat skips them silently). */
  readonly notExecutable: readonly string[];
}
