/**
 * ResourceManager's `ha_log "info: Running $spath $arg $2"`: arguments joined by blanks, so a
 * script without arguments shows two blanks before the operation, as heartbeat's log does.
 */
export function formatRunning(path: string, args: readonly string[], operation: string): string {
  return `Running ${path} ${args.join(' ')} ${operation}`;
}
