import { MemorySink, StructuredLogger, SystemClock, type AgentContext, type CommandRunner, type ResourceRef } from '@heartline/core';

/** An operation's context over `commands`, logging into `sink`. */
export function agentContext(commands: CommandRunner, sink = new MemorySink()): AgentContext {
  const clock = new SystemClock();
  return {
    nodeName: 'node1',
    logger: new StructuredLogger([sink], clock).child({ node: 'node1' }),
    clock,
    commands,
    timeoutMs: 5000,
    haDir: '/etc/ha.d',
    initDir: '/etc/init.d',
    env: { HA_RSCTMP: '/run/test-rsctmp' },
  };
}

/** A haresources resource as core's parser gives it (the bare IPv4 form expanded to IPaddr::), at line 4, column 7. */
export function resource(text: string): ResourceRef {
  const spec = /^[0-9].*\.[0-9].*\.[0-9].*\.[0-9]/.test(text) ? `IPaddr::${text}` : text;
  const [type = '', ...parts] = spec.split('::');
  return { text, spec, type, args: parts.filter((p) => p !== ''), where: { file: '/etc/ha.d/haresources', line: 4, column: 7 } };
}
