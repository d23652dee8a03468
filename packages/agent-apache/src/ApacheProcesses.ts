import type { ApacheEnvironment } from './ApacheEnvironment.js';
import type { ApacheInstance } from './ApacheInstance.js';
import { socketMatches } from './socketMatches.js';
import type { TcpSocket } from './TcpSocket.js';

/** One apache instance's processes and sockets as /proc shows them now. */
export class ApacheProcesses {
  constructor(
    private readonly apache: ApacheInstance,
    private readonly env: ApacheEnvironment,
  ) {}

  /** The pid the pid file names, alive or not. */
  recorded(): number | undefined {
    const text = this.env.readText(this.apache.pidFile)?.trim() ?? '';
    return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
  }

  /** The main process: the pid file's pid, alive (not a zombie) and running the httpd binary. */
  main(): number | undefined {
    const pid = this.recorded();
    return pid !== undefined && this.isApache(pid) ? pid : undefined;
  }

  /**
   * The live processes of process group `pgid` (apache's main process `-k start` leads its own
   * group, its children are in it), and process `pgid` itself while it lives (a main process run
   * in someone else's group). `onlyApache`: those running the httpd binary only, for a group whose
   * leader is gone and whose number may since have been reused.
   */
  group(pgid: number, onlyApache: boolean): number[] {
    const members = new Set([pgid, ...this.env.processGroup(pgid)]);
    return [...members].filter((pid) => {
      const info = this.env.processInfo(pid);
      return info !== undefined && info.state !== 'Z' && (!onlyApache || info.exe === this.apache.httpdPath);
    });
  }

  /** SIGKILL to the group; to each member by pid when `pgid` leads no group. */
  kill(pgid: number, onlyApache: boolean): void {
    if (!onlyApache && this.env.signal(-pgid, 'SIGKILL')) return;
    for (const pid of this.group(pgid, onlyApache)) this.env.signal(pid, 'SIGKILL');
  }

  /** Sockets listening on one of apache's Listen addresses (by apache or by anyone else). */
  listening(): TcpSocket[] {
    return this.sockets().listening;
  }

  /**
   * The sockets on apache's Listen addresses, from one read of /proc/net/tcp and tcp6 (≈ 5 ms
   * each, however few sockets there are): those listening, and connections (requests in flight).
   */
  sockets(): { readonly listening: TcpSocket[]; readonly connections: TcpSocket[] } {
    const ours = this.env.tcpSockets().filter((s) => this.apache.listens.some((l) => socketMatches(s, l)));
    return { listening: ours.filter((s) => s.state === 'listen'), connections: ours.filter((s) => s.state === 'established') };
  }

  /** `10.0.0.5:80 (pid 42, /usr/sbin/nginx)`, for messages. */
  describe(sockets: readonly TcpSocket[]): string {
    return sockets
      .map((s) => {
        const holder = this.env.socketHolder(s.inode);
        const address = s.address.includes(':') ? `[${s.address}]` : s.address;
        return `${address}:${s.port}${holder === undefined ? '' : ` (pid ${holder.pid}, ${holder.exe})`}`;
      })
      .join(', ');
  }

  private isApache(pid: number): boolean {
    const info = this.env.processInfo(pid);
    return info !== undefined && info.state !== 'Z' && info.exe === this.apache.httpdPath;
  }
}
