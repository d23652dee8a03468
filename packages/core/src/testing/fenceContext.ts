import { FenceConfirmations } from '../fencing/FenceConfirmations.js';
import type { FenceContext } from '../fencing/FenceContext.js';
import type { FenceDevice } from '../fencing/FenceDevice.js';
import { MemorySink } from '../log/MemorySink.js';
import { StructuredLogger } from '../log/StructuredLogger.js';
import type { CommandRunner } from '../resources/CommandRunner.js';
import type { Clock } from '../time/Clock.js';
import { SystemClock } from '../time/SystemClock.js';

/** A `stonith_host * TYPE PARAMS` device at ha.cf line 1, for a fencer's unit tests. */
export function fenceDevice(type: string, params: string): FenceDevice {
  return { type, params, where: { file: '/etc/ha.d/ha.cf', line: 1, column: 16 }, source: `stonith_host * ${type}` };
}

/**
 * A reset's context on node `node1` for a fencer's unit tests: commands through `commands` (a
 * fake, or a real runner), logs into `sink`, the system clock unless given, 5 s, no environment,
 * the plugin directory /usr/lib/stonith/plugins unless given.
 */
export function fenceContext(
  commands: CommandRunner,
  device: FenceDevice,
  options: {
    readonly sink?: MemorySink;
    readonly clock?: Clock;
    readonly timeoutMs?: number;
    readonly signal?: AbortSignal;
    readonly env?: Readonly<Record<string, string>>;
    readonly stonithPluginDir?: string;
    readonly confirmations?: FenceConfirmations;
  } = {},
): FenceContext {
  const clock = options.clock ?? new SystemClock();
  return {
    device,
    nodeName: 'node1',
    logger: new StructuredLogger([options.sink ?? new MemorySink()], clock).child({ node: 'node1', fencer: device.type }),
    clock,
    commands,
    timeoutMs: options.timeoutMs ?? 5000,
    signal: options.signal ?? new AbortController().signal,
    env: options.env ?? {},
    stonithPluginDir: options.stonithPluginDir ?? '/usr/lib/stonith/plugins',
    confirmations: options.confirmations ?? new FenceConfirmations(),
  };
}
