/** How the ssh fencer reaches a node and how it checks that the node went down. */
export const sshSettings = {
  /** As cluster-glue's ssh plugin: root, no terminal, no X; BatchMode so that no password prompt can hang it. */
  options: ['-q', '-x', '-n', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-l', 'root'],
  /**
   * Run on the node: reboot at once, without syncing or a clean shutdown (`reboot -nf`), two
   * seconds later so that ssh returns first; detached so that the session can end.
   */
  rebootCommand: "nohup sh -c 'sleep 2; /sbin/reboot -nf' </dev/null >/dev/null 2>&1 &",
  /** The ssh command may take this long (connecting and starting the reboot). */
  sshTimeoutMs: 30_000,
  /** As cluster-glue: the node counts as down once it stops answering one ping, tried this often, 1 s apart. */
  pingAttempts: 15,
  pingIntervalMs: 1000,
  pingTimeoutMs: 3000,
} as const;
