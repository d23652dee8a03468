import { chownSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, rmSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { isExecutableFile } from '@heartline/core';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import { dpkgConffileChanged } from './dpkgConffileChanged.js';
import { httpGet } from './httpGet.js';
import { parseProcNetTcp } from './parseProcNetTcp.js';

const MAX_TAIL_BYTES = 64 * 1024;

/** The real machine: its files, /proc of this process's namespaces, HTTP from this process. */
export const systemEnvironment: ApacheEnvironment = {
  readText: (path) => attempt(() => readFileSync(path, 'utf8')),
  listDirectory: (path) => attempt(() => readdirSync(path)),
  isFile: (path) => attempt(() => statSync(path).isFile()) ?? false,
  isExecutable: isExecutableFile,
  realPath: (path) => attempt(() => realpathSync(path)) ?? path,
  fileSize: (path) => attempt(() => statSync(path).size) ?? 0,
  readFrom: (path, offset) =>
    attempt(() => {
      const fd = openSync(path, 'r');
      try {
        const start = Math.max(offset, statSync(path).size - MAX_TAIL_BYTES);
        const buffer = Buffer.alloc(MAX_TAIL_BYTES);
        const length = readSync(fd, buffer, 0, buffer.length, start);
        return buffer.subarray(0, length).toString('utf8');
      } finally {
        closeSync(fd);
      }
    }) ?? '',
  makeDirectory: (path, owner) => {
    mkdirSync(path, { recursive: true });
    const uid = owner === undefined ? undefined : userId(owner);
    if (uid !== undefined) attempt(() => chownSync(path, uid.uid, uid.gid));
  },
  removeFile: (path) => rmSync(path, { force: true }),
  processInfo: (pid) =>
    attempt(() => {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const exe = attempt(() => readlinkSync(`/proc/${pid}/exe`))?.replace(/ \(deleted\)$/, '') ?? '';
      return { exe, state: fields[0] ?? '?', pgid: Number(fields[2]) };
    }),
  processGroup: (pgid) =>
    (attempt(() => readdirSync('/proc')) ?? [])
      .filter((name) => /^\d+$/.test(name))
      .filter((name) => groupOf(name) === pgid)
      .map(Number),
  signal: (pid, signal) => attempt(() => process.kill(pid, signal)) ?? false,
  tcpSockets: () =>
    ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => parseProcNetTcp(attempt(() => readFileSync(file, 'utf8')) ?? '', endianness() === 'LE')),
  socketHolder: (inode) => {
    for (const name of attempt(() => readdirSync('/proc')) ?? []) {
      if (!/^\d+$/.test(name)) continue;
      const fds = attempt(() => readdirSync(`/proc/${name}/fd`)) ?? [];
      if (fds.some((fd) => attempt(() => readlinkSync(`/proc/${name}/fd/${fd}`)) === `socket:[${inode}]`)) {
        return { pid: Number(name), exe: attempt(() => readlinkSync(`/proc/${name}/exe`)) ?? '?' };
      }
    }
    return undefined;
  },
  httpGet,
  changedConffile: (path) => dpkgConffileChanged(path),
};

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The process group of /proc/NAME (field 5 of its stat, after the command in parentheses). */
function groupOf(name: string): number | undefined {
  const stat = attempt(() => readFileSync(`/proc/${name}/stat`, 'utf8'));
  return stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** A user's uid and primary gid from /etc/passwd (Node has no getpwnam). */
function userId(name: string): { uid: number; gid: number } | undefined {
  const line = attempt(() => readFileSync('/etc/passwd', 'utf8'))?.split('\n').find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid === undefined || gid === undefined ? undefined : { uid: Number(uid), gid: Number(gid) };
}
