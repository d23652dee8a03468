import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { HaError, type Logger } from '@heartline/core';
import { answerControlLine } from './control/answerControlLine.js';
import type { ControlAccess } from './control/ControlAccess.js';
import type { ControlHandler } from './control/ControlHandler.js';
import { controlSocketPath } from './control/controlSocketPath.js';
import { describeControlAccess } from './control/describeControlAccess.js';
import { listenPrivately } from './control/listenPrivately.js';
import { lookupGroupId } from './control/lookupGroupId.js';
import { planControlAccess } from './control/planControlAccess.js';
import { secureRunDir } from './control/secureRunDir.js';
import { daemonDefaults } from './daemonDefaults.js';

/** A longer request line is not one of ours: the connection is dropped. */
const MAX_LINE = 65536;

/**
 * The daemon's two control sockets in the run directory (docs/control-protocol.md): control.sock
 * answers questions (ha status) to root and group haclient, admin.sock takes commands that change
 * the cluster (ha standby, ha takeover) from root only. Who may connect is the kernel's decision,
 * from the socket files' owner and mode and the run directory's; the daemon itself only knows which
 * socket a request came through, and control.sock refuses anything but a question, whoever asks.
 * One JSON request a line, one JSON reply a line, protocol version `v`.
 */
export class ControlServer {
  private readonly servers: Array<{ server: Server; path: string }> = [];
  private readonly clients = new Set<Socket>();

  constructor(
    readonly runDir: string,
    private readonly handler: ControlHandler,
    private readonly logger: Logger,
    /** The group whose members may ask; tests pass one of their own. */
    private readonly groupName: string = daemonDefaults.readGroup,
  ) {}

  /** control.sock: where `ha status` asks. */
  get path(): string {
    return controlSocketPath(this.runDir, 'read');
  }

  async listen(): Promise<void> {
    try {
      mkdirSync(this.runDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new HaError('DAEMON_CONTROL_SOCKET', `cannot create ${this.runDir}: ${(error as Error).message}`, { cause: error });
    }
    if (await this.answers()) {
      throw new HaError('DAEMON_ALREADY_RUNNING', `a Heartline daemon already answers on ${this.path}`);
    }
    // Staging directories of a daemon that died while it bound its sockets.
    for (const name of readdirSync(this.runDir)) {
      if (/^\.control\.\d+$/.test(name)) rmSync(join(this.runDir, name), { recursive: true, force: true });
    }
    const plan = planControlAccess({
      uid: process.getuid?.() ?? 0,
      gid: process.getgid?.() ?? 0,
      groups: process.getgroups?.() ?? [],
      groupName: this.groupName,
      groupId: await lookupGroupId(this.groupName),
    });
    const dirWarning = secureRunDir(this.runDir, plan);
    try {
      await this.open('read', { uid: plan.ownerUid, gid: plan.gid, mode: plan.readSocketMode });
      await this.open('change', { uid: plan.ownerUid, gid: plan.changeGid, mode: plan.changeSocketMode });
    } catch (error) {
      await this.close();
      throw error;
    }
    const { info, warning } = describeControlAccess(plan, this.path, controlSocketPath(this.runDir, 'change'));
    this.logger.info(info);
    if (warning !== undefined) this.logger.warn(warning);
    if (dirWarning !== undefined) this.logger.warn(dirWarning);
  }

  /** Stops both sockets and removes the files it created (never another daemon's). */
  async close(): Promise<void> {
    const servers = this.servers.splice(0);
    for (const client of this.clients) client.destroy();
    await Promise.all(servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve()))));
    for (const { path } of servers) rmSync(path, { force: true });
  }

  private async open(access: ControlAccess, file: { uid: number; gid: number; mode: number }): Promise<void> {
    const path = controlSocketPath(this.runDir, access);
    const server = createServer((socket) => this.serve(socket, access));
    await listenPrivately(server, path, file);
    this.servers.push({ server, path });
  }

  private serve(socket: Socket, access: ControlAccess): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        socket.write(`${JSON.stringify(answerControlLine(line, access, this.handler))}\n`);
      }
      if (buffered.length > MAX_LINE) socket.destroy();
    });
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
