import type { AddressSpec } from './AddressSpec.js';
import type { GarpTool } from './GarpTool.js';

/** How long a burst takes at most, so its process can be killed if it hangs past that. */
export function burstLengthMs(tool: GarpTool, spec: AddressSpec): number {
  const intervalMs = tool.kind === 'arping' ? Math.max(1000, Math.round(spec.arpIntervalMs / 1000) * 1000) : spec.arpIntervalMs;
  return spec.arpCount * intervalMs + 5000;
}
