import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { HaError } from '@heartline/core';

/** Answers one JSON query; throwing makes an `{ok:false}` reply. */
export type ControlHandler = (query: Record<string, unknown>) => unknown;

/**
 * The daemon's control socket: a UNIX stream socket (mode 0600) taking one JSON object per line
 * and answering one JSON line `{"ok":true,"result":...}` or `{"ok":false,"error":"..."}`.
 */
export class ControlServer {
  private server: Server | undefined;
  private readonly clients = new Set<Socket>();

  constructor(
    readonly path: string,
    private readonly handler: ControlHandler,
  ) {}

  async listen(): Promise<void> {
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o755 });
    } catch (error) {
      throw new HaError('DAEMON_CONTROL_SOCKET', `cannot create ${dirname(this.path)}: ${(error as Error).message}`);
    }
    if (await this.answers()) {
      throw new HaError('DAEMON_ALREADY_RUNNING', `a Heartline daemon already answers on ${this.path}`);
    }
    rmSync(this.path, { force: true }); // a stale socket of a daemon that died
    const server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) =>
        reject(new HaError('DAEMON_CONTROL_SOCKET', `cannot listen on ${this.path}: ${error.message}`, { cause: error })),
      );
      server.listen(this.path, () => resolve());
    });
    chmodSync(this.path, 0o600);
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const client of this.clients) client.destroy();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(this.path, { force: true });
  }

  private serve(socket: Socket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > 65536) socket.destroy();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        socket.write(`${JSON.stringify(this.answer(line))}\n`);
      }
    });
  }

  private answer(line: string): unknown {
    try {
      const query: unknown = JSON.parse(line);
      if (typeof query !== 'object' || query === null || Array.isArray(query)) throw new Error('a query is a JSON object');
      return { ok: true, result: this.handler(query as Record<string, unknown>) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const probe = createConnection(this.path);
      probe.once('connect', () => {
        probe.destroy();
        resolve(true);
      });
      probe.once('error', () => resolve(false));
    });
  }
}
