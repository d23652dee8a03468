import { createConnection } from 'node:net';
import { HaError } from '@heartline/core/errors';
import type { ControlAccess } from './control/ControlAccess.js';
import { controlProtocolVersion } from './control/controlProtocolVersion.js';
import { controlSocketPath } from './control/controlSocketPath.js';
import { permissionDenied } from './control/permissionDenied.js';
import { readControlReply } from './control/readControlReply.js';

/**
 * Sends one request to the daemon of `runDir` — questions to control.sock, changes to admin.sock —
 * and returns its `result` (docs/control-protocol.md). No daemon: STATUS_NOT_RUNNING (exit 1, like
 * cl_status failing to sign on); a socket the kernel will not let us open: CONTROL_PERMISSION_DENIED;
 * no answer in time: STATUS_TIMEOUT.
 */
export function queryControl(runDir: string, access: ControlAccess, query: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
  const path = controlSocketPath(runDir, access);
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let buffered = '';
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      fn();
    };
    socket.setTimeout(timeoutMs, () =>
      finish(() => reject(new HaError('STATUS_TIMEOUT', `no answer from ${path} within ${timeoutMs} ms`))),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(() =>
        reject(
          error.code === 'EACCES' || error.code === 'EPERM'
            ? permissionDenied(path, access)
            : new HaError('STATUS_NOT_RUNNING', `Heartline is stopped on this machine (${path}: ${error.code ?? error.message})`),
        ),
      ),
    );
    socket.once('connect', () => socket.write(`${JSON.stringify({ v: controlProtocolVersion, ...query })}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      finish(() => {
        try {
          resolve(readControlReply(path, buffered.slice(0, newline)));
        } catch (error) {
          reject(error);
        }
      });
    });
    socket.once('end', () => finish(() => reject(new HaError('STATUS_BAD_REPLY', `${path} closed without answering`))));
  });
}
