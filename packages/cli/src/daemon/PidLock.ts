import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HaError } from '@heartline/core';
import { isExitedProcess, processStartTime } from './processStartTime.js';

/** Who holds the pid file: its first line is the pid (as pid files go), the second the process's start time. */
interface Holder {
  readonly pid: number;
  readonly startTime: string | undefined;
  readonly text: string;
}

/**
 * `<run-dir>/heartline.pid`: one `ha start` per run directory. Node has no flock, so the file is
 * created whole in one step (written under a private name, then hard-linked into place, which fails
 * when the file exists) and names its holder by pid and start time. A file whose holder no longer
 * runs (or whose pid now belongs to a process started later) is stale: it is renamed aside, which
 * only one contender can do, and checked to be the very file judged stale before it is dropped.
 */
export class PidLock {
  /** The pid file's name in the run directory. */
  static readonly fileName = 'heartline.pid';
  private content: string | undefined;

  constructor(
    readonly path: string,
    private readonly pid: number = process.pid,
  ) {}

  /** Takes the file, or throws DAEMON_ALREADY_RUNNING naming the holder's pid. Returns the pid of a stale file it replaced. */
  acquire(): number | undefined {
    const content = `${this.pid}\n${processStartTime(this.pid) ?? ''}\n`;
    let replaced: number | undefined;
    this.write(content, () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          linkSync(this.privatePath, this.path);
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw this.problem(`cannot create ${this.path}`, error);
        }
        const holder = readHolder(this.path);
        if (holder === undefined) continue; // vanished meanwhile: try again
        if (isAlive(holder)) {
          throw new HaError('DAEMON_ALREADY_RUNNING', `${this.path} names pid ${holder.pid}, which runs: a Heartline daemon already uses this run directory`);
        }
        if (this.dropStale(holder) && holder.pid > 0) replaced = holder.pid;
      }
      throw new HaError('DAEMON_PID_FILE', `${this.path} kept changing while it was being taken over (another ha start at the same time?)`);
    });
    this.content = content;
    return replaced;
  }

  /** Removes the file if it is still ours. */
  release(): void {
    if (this.content === undefined) return;
    const ours = readHolder(this.path)?.text === this.content;
    this.content = undefined;
    if (ours) rmSync(this.path, { force: true });
  }

  private get privatePath(): string {
    return `${this.path}.${this.pid}.new`;
  }

  private write(content: string, place: () => void): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true, mode: 0o755 });
      writeFileSync(this.privatePath, content, { mode: 0o644 });
    } catch (error) {
      throw this.problem(`cannot write ${this.privatePath}`, error);
    }
    try {
      place();
    } finally {
      rmSync(this.privatePath, { force: true });
    }
  }

  /** Moves the stale file aside; puts it back when what moved was a newer holder's file after all. */
  private dropStale(stale: Holder): boolean {
    const aside = `${this.path}.${this.pid}.stale`;
    try {
      renameSync(this.path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false; // another contender moved it
      throw this.problem(`cannot move the stale ${this.path} aside`, error);
    }
    try {
      if (readHolder(aside)?.text === stale.text) return true;
      try {
        linkSync(aside, this.path);
      } catch {
        // A third starter took the place meanwhile: its file stands, ours goes.
      }
      return false;
    } finally {
      rmSync(aside, { force: true });
    }
  }

  private problem(message: string, error: unknown): HaError {
    return new HaError('DAEMON_PID_FILE', `${message}: ${(error as Error).message}`, { cause: error });
  }
}

function readHolder(path: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
  const [pidLine = '', startLine = ''] = text.split('\n');
  const pid = /^\d+$/.test(pidLine.trim()) ? Number(pidLine.trim()) : 0;
  return { pid, startTime: startLine.trim() === '' ? undefined : startLine.trim(), text };
}

/** A pid that runs and, when the file knows it, started when the holder did (not a reused pid). */
function isAlive(holder: Holder): boolean {
  if (holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (isExitedProcess(holder.pid)) return false;
  const started = processStartTime(holder.pid);
  return holder.startTime === undefined || started === undefined || started === holder.startTime;
}
