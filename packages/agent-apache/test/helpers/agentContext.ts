import { MemorySink, StructuredLogger, SystemClock, type AgentContext, type CommandRunner, type ResourceRef } from '@heartline/core';

/** An operation's context over `commands`, logging into `sink`. */
export function agentContext(commands: CommandRunner, sink = new MemorySink(), timeoutMs = 2000): AgentContext {
  const clock = new SystemClock();
  return {
    nodeName: 'node1',
    logger: new StructuredLogger([sink], clock).child({ node: 'node1' }),
    clock,
    commands,
    timeoutMs,
    haDir: '/etc/ha.d',
    initDir: '/etc/init.d',
    env: { HA_CURHOST: 'node1' },
  };
}

/** A haresources resource as core's parser gives it, at line 4, column 7. */
export function resource(text: string): ResourceRef {
  const [type = '', ...parts] = text.split('::');
  return { text, spec: text, type, args: parts.filter((p) => p !== ''), where: { file: '/etc/ha.d/haresources', line: 4, column: 7 } };
}
