import { performance } from 'node:perf_hooks';
import type { Clock, Timer } from './Clock.js';

/** The real clock: the one place allowed to touch Node's timers and Date. */
export class SystemClock implements Clock {
  now(): number {
    return performance.now();
  }

  wallTime(): Date {
    return new Date();
  }

  setTimeout(callback: () => void, delayMs: number): Timer {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  }

  setInterval(callback: () => void, intervalMs: number): Timer {
    const handle = setInterval(callback, Math.max(1, intervalMs));
    return { cancel: () => clearInterval(handle) };
  }

  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const handle = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, delayMs));
      const onAbort = (): void => {
        clearTimeout(handle);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
