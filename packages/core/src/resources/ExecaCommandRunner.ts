import type { Readable } from 'node:stream';
import type { Clock } from '../time/Clock.js';
import { SystemClock } from '../time/SystemClock.js';
import type { CommandOutcome, CommandRequest, CommandRunner } from './CommandRunner.js';
import { OutputTail } from './OutputTail.js';
import { signalProcessGroup } from './signalProcessGroup.js';

export interface ExecaCommandRunnerOptions {
  /** Between SIGTERM and SIGKILL to the process group on timeout or abort. */
  readonly killGraceMs?: number;
  /** The last bytes kept of stdout, and of stderr. */
  readonly maxOutputBytes?: number;
  /**
   * After the command exits, how long to wait for its pipes to close. A daemon it started may
   * hold them open for ever; its later output is read and dropped.
   */
  readonly drainMs?: number;
  /** How often to look whether the group is empty during the kill grace. */
  readonly pollMs?: number;
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * Runs resource scripts with execa. Each command is detached into its own process group; on
 * timeout or abort the whole group gets SIGTERM, then SIGKILL after `killGraceMs`. Never throws:
 * a command that cannot start at all is reported as `spawnError`.
 */
export class ExecaCommandRunner implements CommandRunner {
  private readonly killGraceMs: number;
  private readonly maxOutputBytes: number;
  private readonly drainMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly clock: Clock = new SystemClock(),
    options: ExecaCommandRunnerOptions = {},
  ) {
    this.killGraceMs = options.killGraceMs ?? 2000;
    this.maxOutputBytes = options.maxOutputBytes ?? 64 * 1024;
    this.drainMs = options.drainMs ?? 200;
    this.pollMs = options.pollMs ?? 50;
  }

  /**
   * Loads execa ahead of the first command. The CLI imports it on first use (every `ha` command
   * would pay ~0.1 s for it); a daemon with resource groups calls this at start, so its first
   * takeover does not pay it either.
   */
  async preload(): Promise<void> {
    await import('execa');
  }

  async run(request: CommandRequest): Promise<CommandOutcome> {
    const startedMs = this.clock.now();
    const stdout = new OutputTail(this.maxOutputBytes);
    const stderr = new OutputTail(this.maxOutputBytes);
    const outcome = (exit: Partial<Exit>, timedOut: boolean, spawnError?: string): CommandOutcome => ({
      exitCode: exit.code ?? undefined,
      signal: exit.signal ?? undefined,
      stdout: stdout.text(),
      stderr: stderr.text(),
      timedOut,
      durationMs: this.clock.now() - startedMs,
      ...(spawnError === undefined ? {} : { spawnError }),
    });
    if (request.signal?.aborted === true) return outcome({}, true);

    const { execa } = await import('execa');
    let subprocess: ReturnType<typeof spawnDetached>;
    try {
      subprocess = spawnDetached(execa, request);
    } catch (error) {
      return outcome({}, false, error instanceof Error ? error.message : String(error));
    }
    subprocess.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    subprocess.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exited = new Promise<Exit>((resolve) => subprocess.once('exit', (code, signal) => resolve({ code, signal })));
    const settled = Promise.resolve(subprocess).then(
      (result) => result,
      (error: unknown) => ({ failed: true, exitCode: undefined, originalMessage: String(error) }),
    );

    const pgid = subprocess.pid;
    if (pgid === undefined) {
      // Node leaves pid unset when spawn fails (ENOENT, EACCES); execa then settles with the reason.
      return outcome({}, false, spawnErrorText(await settled));
    }
    request.onSpawn?.(pgid);

    let killing: Promise<void> | undefined;
    const kill = (): void => {
      killing ??= this.killGroup(pgid, exited);
    };
    const timer = this.clock.setTimeout(kill, request.timeoutMs);
    request.signal?.addEventListener('abort', kill, { once: true });
    const exit = await exited;
    timer.cancel();
    request.signal?.removeEventListener('abort', kill);
    if (killing !== undefined) await killing;

    const stopWaiting = new AbortController();
    const drained = await Promise.race([
      settled.then(() => true),
      this.clock.sleep(this.drainMs, stopWaiting.signal).then(() => false, () => true),
    ]);
    stopWaiting.abort();
    if (!drained) {
      // A child left behind holds the pipes: keep reading (so it never blocks or gets SIGPIPE), stop waiting.
      for (const stream of [subprocess.stdout, subprocess.stderr]) unrefPipe(stream);
    }
    return outcome(exit, killing !== undefined);
  }

  /** SIGTERM to the group; SIGKILL once the grace is over if anyone is left; done when the command has exited. */
  private async killGroup(pgid: number, exited: Promise<Exit>): Promise<void> {
    signalProcessGroup(pgid, 'SIGTERM');
    const deadlineMs = this.clock.now() + this.killGraceMs;
    while (this.clock.now() < deadlineMs && signalProcessGroup(pgid, 0)) {
      await this.clock.sleep(Math.min(this.pollMs, Math.max(0, deadlineMs - this.clock.now())));
    }
    if (signalProcessGroup(pgid, 0)) signalProcessGroup(pgid, 'SIGKILL');
    await exited;
  }
}

// execa is imported on first use (in run): it costs ~0.1 s at start-up, and most `ha` commands run no script.
function spawnDetached(execa: typeof import('execa').execa, request: CommandRequest) {
  return execa(request.file, [...request.args], {
    env: { ...request.env },
    extendEnv: true,
    ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
    detached: true,
    cleanup: false,
    stdin: 'ignore',
    buffer: false,
    reject: false,
    forceKillAfterDelay: false,
  });
}

function spawnErrorText(result: { readonly originalMessage?: string | undefined; readonly shortMessage?: string | undefined }): string {
  return result.originalMessage ?? result.shortMessage ?? 'the command could not be started';
}

function unrefPipe(stream: Readable | null): void {
  const socket = stream as (Readable & { unref?: () => void }) | null;
  socket?.unref?.();
}
