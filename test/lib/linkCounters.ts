import type { LabNode } from './LabNode.js';
import { runCommand } from './runCommand.js';

/** Bytes and packets through a node's lab interface since it was created, seen from the node. */
export interface LinkCounters {
  readonly txBytes: number;
  readonly rxBytes: number;
  readonly txPackets: number;
  readonly rxPackets: number;
}

/** The kernel's counters of the node's lab interface (`ip -s -j link show`), read in its namespace: no traffic. */
export async function linkCounters(node: LabNode): Promise<LinkCounters> {
  const { stdout } = await runCommand('ip', ['-n', node.ns, '-s', '-j', 'link', 'show', 'dev', node.iface]);
  const stats = (JSON.parse(stdout) as Array<{ stats64?: { rx: { bytes: number; packets: number }; tx: { bytes: number; packets: number } } }>)[0]?.stats64;
  if (stats === undefined) throw new Error(`${node.name}: no counters for ${node.iface} in ${stdout}`);
  return { txBytes: stats.tx.bytes, rxBytes: stats.rx.bytes, txPackets: stats.tx.packets, rxPackets: stats.rx.packets };
}
