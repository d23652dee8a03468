import { existsSync } from 'node:fs';

/** Where the Debian package puts the daemon (3.0.6-13: libexec; older: lib), or undefined. */
export function heartbeatBinary(): string | undefined {
  return ['/usr/libexec/heartbeat/heartbeat', '/usr/lib/heartbeat/heartbeat'].find((p) => existsSync(p));
}
