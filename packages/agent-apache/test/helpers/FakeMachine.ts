import type { ApacheEnvironment, HttpAnswer, ProcessInfo, TcpSocket } from '../../src/index.js';

/**
 * A machine in memory: files, executables, processes (pid → exe, group), TCP sockets and what each
 * URL answers. Signals are recorded and act as apache does: SIGWINCH to a main process closes its
 * listeners and removes its pid file (requests in flight, `busy`, keep their connections), SIGTERM
 * and SIGKILL end processes (a group for a negative pid).
 */
export class FakeMachine implements ApacheEnvironment {
  readonly files = new Map<string, string>();
  readonly executables = new Set<string>(['/usr/sbin/apache2']);
  readonly processes = new Map<number, ProcessInfo>();
  sockets: TcpSocket[] = [];
  readonly signals: string[] = [];
  readonly made: string[] = [];
  readonly removed: string[] = [];
  readonly gets: string[] = [];
  readonly changed = new Map<string, boolean>();
  /** What a GET on a URL answers; by default: 200 while a socket listens on its port, else refused. */
  answer: (url: string) => HttpAnswer = (url) =>
    this.sockets.some((s) => s.state === 'listen' && s.port === Number(new URL(url).port || 80)) ? { status: 200 } : { error: 'ECONNREFUSED' };
  /** Whether SIGTERM leaves the processes running (a hung apache). */
  ignoresTerm = false;

  write(path: string, text: string): this {
    this.files.set(path, text);
    return this;
  }

  /** An apache main process `pid` running `exe` and leading its group, with `children` more, listening on `port`, its pid file written. */
  runApache(pid: number, pidFile: string, port: number, address = '0.0.0.0', exe = '/usr/sbin/apache2', children = 2): void {
    for (let i = 0; i <= children; i++) this.processes.set(pid + i, { exe, pgid: pid, state: 'S' });
    this.sockets.push({ address, port, state: 'listen', inode: pid });
    this.files.set(pidFile, `${pid}\n`);
  }

  readText(path: string): string | undefined {
    return this.files.get(path);
  }

  listDirectory(path: string): string[] | undefined {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const names = [...this.files.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0] ?? '');
    return names.length === 0 ? undefined : [...new Set(names)];
  }

  isFile(path: string): boolean {
    return this.files.has(path);
  }

  isExecutable(path: string): boolean {
    return this.executables.has(path);
  }

  realPath(path: string): string {
    return path;
  }

  fileSize(path: string): number {
    return this.files.get(path)?.length ?? 0;
  }

  readFrom(path: string, offset: number): string {
    return (this.files.get(path) ?? '').slice(offset);
  }

  makeDirectory(path: string, owner?: string): void {
    this.made.push(owner === undefined ? path : `${path} (${owner})`);
  }

  removeFile(path: string): void {
    this.removed.push(path);
    this.files.delete(path);
  }

  processInfo(pid: number): ProcessInfo | undefined {
    return this.processes.get(pid);
  }

  processGroup(pgid: number): number[] {
    return [...this.processes].filter(([, p]) => p.pgid === pgid).map(([pid]) => pid);
  }

  signal(pid: number, signal: NodeJS.Signals): boolean {
    this.signals.push(`${signal} ${pid}`);
    const targets = pid < 0 ? this.processGroup(-pid) : this.processes.has(pid) ? [pid] : [];
    if (targets.length === 0) return false;
    if (signal === 'SIGWINCH') {
      this.sockets = this.sockets.filter((s) => !(s.state === 'listen' && s.inode === pid));
      for (const [file, text] of this.files) if (text.trim() === String(pid)) this.files.delete(file);
    } else if (signal === 'SIGKILL' || (signal === 'SIGTERM' && !this.ignoresTerm)) {
      const group = pid < 0 ? -pid : (this.processes.get(pid)?.pgid ?? pid);
      const ended = pid < 0 || signal === 'SIGTERM' ? this.processGroup(group) : [pid];
      for (const p of ended) this.processes.delete(p);
      if (this.processGroup(group).length === 0) this.sockets = this.sockets.filter((s) => s.inode !== group);
    }
    return true;
  }

  tcpSockets(): TcpSocket[] {
    return this.sockets;
  }

  socketHolder(inode: number): { readonly pid: number; readonly exe: string } | undefined {
    return inode === 7 ? { pid: 7, exe: '/usr/sbin/nginx' } : undefined;
  }

  httpGet(url: string): Promise<HttpAnswer> {
    this.gets.push(url);
    return Promise.resolve(this.answer(url));
  }

  changedConffile(path: string): boolean | undefined {
    return this.changed.get(path);
  }
}
