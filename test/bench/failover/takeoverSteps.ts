import type { TakeoverStep } from './CrashSample.js';

/** The log lines of a takeover that heartbeat 3.0.6 and Heartline both write, in the order they come. */
export const TAKEOVER_STEPS: ReadonlyArray<{ readonly key: TakeoverStep; readonly label: string; readonly pattern: RegExp }> = [
  { key: 'takeover', label: "'Taking over resource group'", pattern: /Taking over resource group/ },
  // heartbeat runs its IPaddr script (`Running …/resource.d/IPaddr … start`); Heartline's agent logs `Adding inet address`.
  { key: 'vip', label: 'VIP start begins', pattern: /resource\.d\/+IPaddr \S+ start|Adding inet address/ },
  { key: 'service', label: "'Running /etc/init.d/hlsvc start'", pattern: /Running \/etc\/init\.d\/hlsvc +start/ },
  { key: 'complete', label: "'takeover complete'", pattern: /takeover complete/ },
];
