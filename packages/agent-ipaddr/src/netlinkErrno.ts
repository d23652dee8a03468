/** The errno name in a netlink error (`Request rejected: EPERM` → `EPERM`), or undefined. */
export function netlinkErrno(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  return /\b(E[A-Z0-9]{2,})\b/.exec(text)?.[1];
}
