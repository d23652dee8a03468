import { addressDefaults } from './addressDefaults.js';
import type { SpecProblem } from './SpecProblem.js';

interface Options {
  arpCount: number;
  arpIntervalMs: number;
  probeMs: number;
}

const limits: Readonly<Record<string, { key: keyof Options; min: number; max: number }>> = {
  arp_count: { key: 'arpCount', min: 1, max: 1000 },
  arp_interval: { key: 'arpIntervalMs', min: 1, max: 60_000 },
  probe_ms: { key: 'probeMs', min: 0, max: 10_000 },
};

/**
 * `::name=value` options after the address, a Heartline extension (heartbeat's wrappers take one
 * argument): arp_count, arp_interval (ms) and probe_ms (0 turns the duplicate-address probe off).
 */
export function parseOptions(words: readonly string[], where: string, problems: SpecProblem[]): Options {
  const options: Options = { ...addressDefaults };
  for (const word of words) {
    const [name = '', value = ''] = word.split('=', 2);
    const limit = limits[name];
    if (limit === undefined) {
      problems.push({ code: 'IPADDR_BAD_OPTION', message: `${where}: unknown option '${name}' (arp_count, arp_interval, probe_ms)` });
      continue;
    }
    const number = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= limit.min && number <= limit.max)) {
      problems.push({ code: 'IPADDR_BAD_OPTION', message: `${where}: ${name}=${value} is not a whole number from ${limit.min} to ${limit.max}` });
      continue;
    }
    options[limit.key] = number;
  }
  return options;
}
