import { chmodSync, chownSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { HaError } from '@heartline/core';

/** What the socket file gets before anyone may reach it. */
export interface SocketFileAccess {
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

/** sun_path holds 108 bytes with the final NUL; a longer path cannot be bound or connected. */
const MAX_SOCKET_PATH = 107;

/**
 * Makes `server` listen on `path` with no moment in which anyone else could connect: the socket is
 * bound in a staging directory only the daemon may enter (`<dir>/.control.<pid>`, 0700), given its
 * owner, group and mode there, then renamed into place (the rename keeps the listening socket and
 * atomically replaces a stale file). Binding in place and changing the mode afterwards would leave
 * the umask's mode for a moment, and a connection made then stays open.
 */
export async function listenPrivately(server: Server, path: string, access: SocketFileAccess): Promise<void> {
  const staging = join(dirname(path), `.control.${process.pid}`);
  const temporary = join(staging, basename(path));
  if (Buffer.byteLength(temporary) > MAX_SOCKET_PATH) {
    throw new HaError('DAEMON_CONTROL_SOCKET', `${path} is too long for a UNIX socket (at most ${MAX_SOCKET_PATH - (temporary.length - path.length)} bytes here)`, {
      hint: 'Pass a shorter --run-dir (the default is /run/heartline).',
    });
  }
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { mode: 0o700 });
  } catch (error) {
    throw new HaError('DAEMON_CONTROL_SOCKET', `cannot create ${staging}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(temporary, () => {
        server.off('error', reject);
        resolve();
      });
    });
    chownSync(temporary, access.uid, access.gid);
    chmodSync(temporary, access.mode);
    renameSync(temporary, path);
  } catch (error) {
    server.close();
    throw new HaError('DAEMON_CONTROL_SOCKET', `cannot listen on ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
