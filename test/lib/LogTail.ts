import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

export interface TailedLine {
  readonly text: string;
  /** performance.now() when the line was first seen: the clock the tests measure kills with. */
  readonly seenAtMs: number;
}

/**
 * Follows a log file that another process appends to, noting when each line appears. Log lines of
 * heartbeat carry only whole seconds, so detection times are measured by when lines show up here,
 * polled every `pollMs` (the measurement error is at most that).
 */
export class LogTail {
  readonly lines: TailedLine[] = [];
  private fd: number | undefined;
  private offset = 0;
  private partial = '';
  private readonly timer: NodeJS.Timeout;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly path: string,
    pollMs = 5,
  ) {
    this.timer = setInterval(() => this.poll(), pollMs);
    this.timer.unref();
  }

  /** Index to pass as `from` to wait only for lines written after now. */
  mark(): number {
    this.poll();
    return this.lines.length;
  }

  find(pattern: RegExp, from = 0): TailedLine | undefined {
    this.poll();
    return this.lines.slice(from).find((l) => pattern.test(l.text));
  }

  /** Resolves with the first line from index `from` on that matches. */
  waitFor(pattern: RegExp, options: { from?: number; timeoutMs?: number } = {}): Promise<TailedLine> {
    const from = options.from ?? 0;
    const timeoutMs = options.timeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const line = this.lines.slice(from).find((l) => pattern.test(l.text));
        if (line === undefined) return false;
        this.waiters.delete(check as () => void);
        clearTimeout(timer);
        resolve(line);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check as () => void);
        const tail = this.lines.slice(-15).map((l) => `    ${l.text}`).join('\n');
        reject(new Error(`no line matching ${pattern} in ${this.path} within ${timeoutMs} ms; last lines:\n${tail}`));
      }, timeoutMs);
      this.poll();
      if (!check()) this.waiters.add(check as () => void);
    });
  }

  close(): void {
    clearInterval(this.timer);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private poll(): void {
    if (this.fd === undefined) {
      if (!existsSync(this.path)) return;
      this.fd = openSync(this.path, 'r');
    }
    const size = fstatSync(this.fd).size;
    if (size < this.offset) this.offset = 0; // truncated or replaced: start over
    if (size === this.offset) return;
    const buffer = Buffer.alloc(size - this.offset);
    const read = readSync(this.fd, buffer, 0, buffer.length, this.offset);
    this.offset += read;
    const now = performance.now();
    const text = this.partial + buffer.subarray(0, read).toString('utf8');
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.lines.push({ text: part, seenAtMs: now });
    if (parts.length > 0) for (const waiter of [...this.waiters]) waiter();
  }
}
