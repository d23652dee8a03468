import type { LabNode } from '../../lib/LabNode.js';
import { runCommand } from '../../lib/runCommand.js';

/** The virtual IP of the benchmark: in the lab's 10.213.0.0/24, outside the nodes' .11–.13. */
export const VIP = '10.213.0.100';

/** Whether `ip` is on the node's lab interface now (`ip -n NS -4 -o addr show dev IFACE`). */
export async function hasAddress(node: LabNode, ip: string): Promise<boolean> {
  const { stdout } = await runCommand('ip', ['-n', node.ns, '-4', '-o', 'addr', 'show', 'dev', node.iface]);
  return stdout.includes(` ${ip}/`);
}

/** The MAC address of the node's lab interface. */
export async function macOf(node: LabNode): Promise<string> {
  const { stdout } = await runCommand('ip', ['-n', node.ns, '-o', 'link', 'show', 'dev', node.iface]);
  const mac = /link\/ether ([0-9a-f:]{17})/.exec(stdout)?.[1];
  if (mac === undefined) throw new Error(`${node.name}: no MAC address in ${stdout}`);
  return mac;
}
