/** What one `ha status` question prints on stdout, and the exit code that goes with it. */
export interface StatusAnswer {
  readonly stdout: string;
  readonly exitCode: number;
}
