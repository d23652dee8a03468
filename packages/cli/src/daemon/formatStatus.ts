import type { GroupMonitorStatus } from '@heartline/core';
import type { StatusReply } from './StatusReply.js';

/**
 * `ha status` for people: a headline, then `cl_status listnodes -v`'s layout, one block per node
 * with its links indented below it.
 */
export function formatStatus(status: StatusReply): string {
  const lines = [
    `Heartline ${status.version} is running on this machine: node ${status.localNode}, status ${status.localStatus}, ` +
      `generation ${status.generation}, pid ${status.pid}${status.commUp ? '' : ' (communication not up yet)'}.`,
  ];
  for (const node of status.nodes) {
    lines.push('', `${node.name}\t${node.status}\t(nodetype: ${node.type})${node.name === status.localNode ? '\t(this node)' : ''}`);
    for (const link of node.links) lines.push(`\t${link.name}\t${link.status}`);
  }
  const r = status.resources;
  if (r !== undefined) {
    lines.push('', `resources: ${r.resourceState} (auto_failback ${r.mode}; holds ${r.held}, peer holds ${r.peerHolds}${r.peerStable ? '' : ', peer in transition'})`);
    for (const g of r.groups) {
      const where = g.heldHere ? 'here' : 'not here';
      lines.push(`\t${g.line}\t(${g.owner}, ${where})${g.failure === undefined ? '' : `\tFAILED: ${g.failure}`}`);
      if (g.monitor !== undefined) lines.push(`\t\t${monitorLine(g.monitor)}`);
    }
  }
  const bad = Object.entries(status.badPackets);
  if (bad.length > 0) lines.push('', `refused packets: ${bad.map(([reason, n]) => `${reason} ${n}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** One line under the group: what is checked while it runs here, and what monitoring has done. */
function monitorLine(m: GroupMonitorStatus): string {
  const checked = m.resources.length === 0 ? 'nothing checked' : m.resources.map((r) => `${r.resource} every ${r.intervalMs / 1000} s`).join(', ');
  const counts = `failures ${m.failures}, restarts ${m.restarts} (${m.restartsInWindow} in window), handovers ${m.handovers}`;
  const last = m.lastFailure === undefined ? '' : `; last failure ${m.lastFailure.at} ${m.lastFailure.resource}: ${m.lastFailure.cause}`;
  return `monitor: ${checked}; ${counts}${last}`;
}
