import type { Clock } from '@heartline/core';
import type { ConfigFiles } from './ConfigFiles.js';
import type { HttpAnswer } from './HttpAnswer.js';
import type { ProcessInfo } from './ProcessInfo.js';
import type { TcpSocket } from './TcpSocket.js';

/**
 * The machine as the apache agent sees it, injected so that the agent has fast fake-backed tests
 * as well as real ones. Commands (apache itself) run through the context's CommandRunner.
 */
export interface ApacheEnvironment extends ConfigFiles {
  /** `[ -f path -a -x path ]`. */
  isExecutable(path: string): boolean;
  /** The path with symlinks resolved, as /proc/PID/exe shows an executable. */
  realPath(path: string): string;
  /** The size of a file, 0 when it does not exist (where apache's error log was before a start). */
  fileSize(path: string): number;
  /** A file's text from a byte offset on ('' when it cannot be read). */
  readFrom(path: string, offset: number): string;
  /** `mkdir -p`, then `chown user` of the last directory when a user is given (as apache2ctl does). */
  makeDirectory(path: string, owner?: string): void;
  removeFile(path: string): void;
  /** /proc/PID, or undefined once the process is gone (a zombie still shows, with state Z). */
  processInfo(pid: number): ProcessInfo | undefined;
  /** The processes of a process group. */
  processGroup(pgid: number): number[];
  /** kill(2): a negative pid signals the group. False when there was no such process. */
  signal(pid: number, signal: NodeJS.Signals): boolean;
  /** The TCP sockets of this network namespace (/proc/net/tcp and tcp6). */
  tcpSockets(): TcpSocket[];
  /** The process that holds a socket, by its inode (for messages). */
  socketHolder(inode: number): { readonly pid: number; readonly exe: string } | undefined;
  /** One GET, no redirects followed, certificates not checked; never rejects. */
  httpGet(url: string, timeoutMs: number, clock: Clock): Promise<HttpAnswer>;
  /**
   * Whether the distribution's package manager says `path` (an init script, a conffile) was changed
   * on this machine: true / false, undefined when it does not know the file.
   */
  changedConffile(path: string): boolean | undefined;
}
