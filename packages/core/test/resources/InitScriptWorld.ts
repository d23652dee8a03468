import { basename } from 'node:path';
import type { ConfigIssue } from '../../src/config/ConfigIssue.js';
import type { CommandOutcome, CommandRequest, CommandRunner } from '../../src/resources/CommandRunner.js';
import type { ResourceAgent } from '../../src/resources/ResourceAgent.js';
import { runResourceScript } from '../../src/resources/runResourceScript.js';
import type { ManualClock } from '../../src/time/ManualClock.js';

/** One command as the world saw it: which script, which operation, the timeout it was given. */
export interface ScriptCall {
  readonly node: string;
  readonly script: string;
  readonly operation: string;
  readonly timeoutMs: number;
  readonly atMs: number;
}

/**
 * Init scripts of in-memory nodes on a ManualClock, behind the CommandRunner seam: a script's start
 * or stop takes `operationMs` and changes what runs on its node; `status` prints heartbeat's words.
 * A script in `hanging` never finishes its start: it ends only when its timeout passes, when the
 * runner kills its process group (recorded in `kills`), as ExecaCommandRunner does.
 */
export class InitScriptWorld {
  readonly calls: ScriptCall[] = [];
  readonly kills: Array<{ readonly node: string; readonly script: string; readonly atMs: number }> = [];
  /** `node/script` pairs whose start hangs. */
  readonly hanging = new Set<string>();
  private readonly running = new Map<string, Set<string>>();

  constructor(
    private readonly clock: () => ManualClock,
    private readonly operationMs = 20,
  ) {}

  on(node: string): string[] {
    return [...(this.running.get(node) ?? [])].sort();
  }

  /** The runner of one node. */
  runner(node: string): CommandRunner {
    return { run: (request) => this.run(node, request) };
  }

  /** The script agent (`*`): every resource is /etc/init.d/NAME, run as heartbeat's ResourceManager runs it. */
  agent(): ResourceAgent {
    const script = (spec: string): string => `/etc/init.d/${spec}`;
    return {
      type: '*',
      validate: (): ConfigIssue[] => [],
      start: (r, ctx) => runResourceScript(script(r.spec), [], 'start', ctx),
      stop: (r, ctx) => runResourceScript(script(r.spec), [], 'stop', ctx),
      status: (r, ctx) => runResourceScript(script(r.spec), [], 'status', ctx),
    };
  }

  private async run(node: string, request: CommandRequest): Promise<CommandOutcome> {
    const clock = this.clock();
    const startedMs = clock.now();
    const script = basename(request.file);
    const operation = request.args.at(-1) ?? '';
    this.calls.push({ node, script, operation, timeoutMs: request.timeoutMs, atMs: startedMs });
    const done = (exitCode: number | undefined, stdout = '', timedOut = false): CommandOutcome => ({
      exitCode,
      signal: exitCode === undefined ? 'SIGTERM' : undefined,
      stdout,
      stderr: '',
      timedOut,
      durationMs: clock.now() - startedMs,
    });
    if (operation === 'start' && this.hanging.has(`${node}/${script}`)) {
      await clock.sleep(request.timeoutMs);
      this.kills.push({ node, script, atMs: clock.now() });
      return done(undefined, '', true);
    }
    await clock.sleep(this.operationMs);
    const set = this.running.get(node) ?? new Set<string>();
    this.running.set(node, set);
    if (operation === 'start') set.add(script);
    else if (operation === 'stop') set.delete(script);
    else if (operation === 'status') return done(set.has(script) ? 0 : 3, set.has(script) ? `${script} is running\n` : `${script} is not running\n`);
    return done(0);
  }
}
