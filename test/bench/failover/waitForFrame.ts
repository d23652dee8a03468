import { waitUntil } from '../../lib/waitUntil.js';
import type { BridgeCapture } from './BridgeCapture.js';
import type { BridgeFrame } from './BridgeFrame.js';

/** The first frame captured at or after `fromMs` (epoch) that satisfies `test`; waits up to `timeoutMs`. */
export function waitForFrame(capture: BridgeCapture, what: string, fromMs: number, test: (frame: BridgeFrame) => boolean, timeoutMs: number): Promise<BridgeFrame> {
  return waitUntil(what, () => capture.since(fromMs, test)[0], { timeoutMs, intervalMs: 10 });
}
