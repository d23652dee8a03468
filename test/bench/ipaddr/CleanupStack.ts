/**
 * What a benchmark must undo, last in first out: its processes (stopped by PID) and its labs
 * (namespaces deleted). Run by `finally`, and by the SIGINT/SIGTERM handler so an interrupted run
 * leaves nothing behind either.
 */
export class CleanupStack {
  private readonly steps: Array<() => Promise<void> | void> = [];

  push(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  /** Runs every step once, even when some fail; reports the failures on stderr. */
  async run(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${(error as Error).message}`);
      }
    }
  }
}
