import { createConnection } from 'node:net';
import { HaError } from '@heartline/core/errors';

/**
 * Sends one query to the daemon's control socket and returns its `result`. No daemon:
 * STATUS_NOT_RUNNING (exit 1, like cl_status failing to sign on); no answer in time: STATUS_TIMEOUT.
 */
export function queryControl(path: string, query: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
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
      finish(() => reject(new HaError('STATUS_NOT_RUNNING', `Heartline is stopped on this machine (${path}: ${error.code ?? error.message})`))),
    );
    socket.once('connect', () => socket.write(`${JSON.stringify(query)}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      finish(() => {
        let reply: { ok?: unknown; result?: unknown; error?: unknown };
        try {
          reply = JSON.parse(buffered.slice(0, newline)) as typeof reply;
        } catch {
          reject(new HaError('STATUS_BAD_REPLY', `${path} answered something that is not JSON`));
          return;
        }
        if (reply.ok === true) resolve(reply.result);
        else reject(new HaError('STATUS_BAD_REPLY', `${path} refused the query: ${String(reply.error)}`));
      });
    });
    socket.once('end', () => finish(() => reject(new HaError('STATUS_BAD_REPLY', `${path} closed without answering`))));
  });
}
