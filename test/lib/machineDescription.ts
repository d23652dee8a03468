import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** The machine a benchmark ran on, for its report. */
export interface MachineDescription {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly node: string;
  /** The Debian package's version of heartbeat, or undefined when it is not installed. */
  readonly heartbeat: string | undefined;
  /** Load averages over 1, 5 and 15 minutes, as `uptime` prints them. */
  readonly loadAverage: readonly [number, number, number];
}

export function machineDescription(): MachineDescription {
  const [one, five, fifteen] = loadavg();
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    heartbeat: packageVersion('heartbeat'),
    loadAverage: [round(one ?? 0), round(five ?? 0), round(fifteen ?? 0)],
  };
}

function packageVersion(name: string): string | undefined {
  try {
    const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return version === '' ? undefined : version;
  } catch {
    return undefined;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
