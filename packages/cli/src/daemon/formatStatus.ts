import type { FencingStatus, GroupMonitorStatus } from '@heartline/core';
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
    if (r.fencing !== undefined) lines.push(...fencingLines(r.fencing));
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

/** The STONITH device, its last check, and every reset in progress (a dead peer's groups wait for it). */
function fencingLines(f: FencingStatus): string[] {
  const check = f.lastCheck === undefined ? 'not checked yet' : f.lastCheck.ok ? `last check OK at ${f.lastCheck.at}` : `last check FAILED at ${f.lastCheck.at}: ${f.lastCheck.error ?? ''}`;
  const lines = [`stonith: [${f.device}], ${check}`];
  for (const reset of f.resets) {
    const waiting = reset.awaitingConfirmation ? `; waits for: ha fence confirm ${reset.node}` : '';
    const error = reset.lastError === undefined ? '' : `; last error: ${reset.lastError}`;
    lines.push(`\tresetting ${reset.node} since ${reset.since} (attempt ${reset.attempts})${error}${waiting}; its groups are not taken over until a reset works`);
  }
  return lines;
}
