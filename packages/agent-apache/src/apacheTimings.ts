/** How the apache agent paces itself, in ms (and one share). */
export const apacheTimings = {
  /** Between two looks at the pid file, the processes, the sockets. */
  pollMs: 10,
  /** One GET while start waits for the server to answer. */
  startProbeMs: 1000,
  /** status's GET (never more than the operation's timeout). */
  statusProbeMs: 5000,
  /** After SIGTERM, before SIGKILL to the process group. */
  termMs: 2000,
  /** The share of start's timeout spent waiting for HTTP; the rest is for stopping again. */
  startWaitShare: 0.75,
} as const;
