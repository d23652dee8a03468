/** What /proc says about a process: its executable and its scheduler state. */
export interface ProcessState {
  /** The path of its executable (/proc/PID/exe); the parent's until it has exec'd. */
  readonly exe: string;
  /** The state letter of /proc/PID/stat: R running, S sleeping (blocked in a syscall), Z zombie… */
  readonly state: string;
}
