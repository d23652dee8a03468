import type { HaCf } from '../config/HaCf.js';
import type { StonithLine } from './StonithLine.js';

/**
 * ha.cf's `stonith` and `stonith_host` lines in file order; with `nodeName`, only those that apply
 * to that node (heartbeat skips a stonith_host line for another host while it reads the file).
 */
export function stonithLines(haCf: Pick<HaCf, 'stonith' | 'stonithHost'>, nodeName?: string): StonithLine[] {
  const lines: StonithLine[] = [
    ...haCf.stonith.map((s) => ({ directive: 'stonith' as const, ...s })),
    ...haCf.stonithHost
      .filter((s) => nodeName === undefined || s.host === '*' || s.host === nodeName.toLowerCase())
      .map((s) => ({ directive: 'stonith_host' as const, ...s })),
  ];
  return lines.sort((a, b) => a.where.line - b.where.line);
}
