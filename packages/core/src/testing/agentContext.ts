import { MemorySink } from '../log/MemorySink.js';
import { StructuredLogger } from '../log/StructuredLogger.js';
import type { AgentContext } from '../resources/AgentContext.js';
import type { CommandRunner } from '../resources/CommandRunner.js';
import { SystemClock } from '../time/SystemClock.js';

/**
 * An operation's context on node `node1` for an agent's unit tests: commands through `commands`
 * (a fake), logs into `sink`, on the system clock, haDir `/etc/ha.d`, initDir `/etc/init.d`.
 * `timeoutMs` defaults to 5 s, `env` (the resource environment) to none.
 */
export function agentContext(
  commands: CommandRunner,
  options: { readonly sink?: MemorySink; readonly timeoutMs?: number; readonly env?: Readonly<Record<string, string>> } = {},
): AgentContext {
  const clock = new SystemClock();
  return {
    nodeName: 'node1',
    logger: new StructuredLogger([options.sink ?? new MemorySink()], clock).child({ node: 'node1' }),
    clock,
    commands,
    timeoutMs: options.timeoutMs ?? 5000,
    haDir: '/etc/ha.d',
    initDir: '/etc/init.d',
    env: options.env ?? {},
  };
}
