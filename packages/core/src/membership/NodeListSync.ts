import type { Timer } from '../time/Clock.js';
import { HaMessage } from '../wire/HaMessage.js';
import { heartbeatConstants as K } from './heartbeatConstants.js';
import type { MembershipRuntime } from './MembershipRuntime.js';
import type { NodeRecord } from './NodeRecord.js';

/** getnodes: names separated by spaces (a tab also ends a name). */
function splitNodeList(list: string): string[] {
  return list.split(' ').flatMap((token) => (token === '' ? [] : [token.split('\t')[0] ?? ''])).filter((n) => n !== '');
}

/**
 * reqnodes/repnodes (heartbeat.c send_reqnodes_msg, HBDoMsg_T_REQNODES, HBDoMsg_T_REPNODES): at
 * comm-up a node asks a live peer for the cluster's node list and goes active on the answer.
 */
export class NodeListSync {
  /** Nodes deleted with hb_delnode (we never delete any, but we keep what peers tell us). */
  private deleted: string[] = [];
  private retry: Timer | undefined;

  constructor(private readonly rt: MembershipRuntime) {}

  /** send_reqnodes_msg: ask the first live normal peer from `startIndex`; retried every second. */
  request(startIndex: number): void {
    const { rt } = this;
    this.retry = undefined;
    if (rt.flags.reqnodesReplied) return;
    const nodes = rt.table.all();
    const from = startIndex >= nodes.length ? 0 : startIndex;
    let index = -1;
    for (let i = from; i < nodes.length; i++) {
      const n = nodes[i];
      if (n !== undefined && n.status !== 'dead' && n !== rt.local() && n.type === 'normal') {
        index = i;
        break;
      }
    }
    const dest = nodes[index];
    if (dest === undefined) {
      rt.flags.reqnodesReplied = true;
      rt.commNowUp();
      return;
    }
    rt.send(HaMessage.fromStrings([['t', 'reqnodes'], ['dest', dest.name]]));
    this.retry = rt.clock.setTimeout(() => this.request(index), K.reqnodesRetryMs);
  }

  cancel(): void {
    this.retry?.cancel();
    this.retry = undefined;
  }

  onRequest(from: NodeRecord): void {
    const { rt } = this;
    if (from === rt.local()) {
      rt.logger.error('HBDoMsg_T_REQNODES: get reqnodes msg from myself!');
      return;
    }
    const nodelist = rt.table
      .all()
      .filter((n) => n.type === 'normal')
      .map((n) => `${n.name} `)
      .join('');
    const delnodelist = this.deleted.length === 0 ? ' ' : this.deleted.map((n) => `${n} `).join('');
    // Our status first (heartbeat sends none here): the asker comes up on our answer, and heartbeat
    // 3.0.6 then counts only the nodes whose status it has processed as active. Without ours it
    // believes itself alone and, in legacy mode, grants itself its groups while we may run them.
    rt.sendLocalStatus();
    rt.send(
      HaMessage.fromStrings([
        ['dest', from.name],
        ['t', 'repnodes'],
        ['nodelist', nodelist],
        ['delnodelist', delnodelist],
      ]),
    );
  }

  onReply(from: NodeRecord, msg: HaMessage): void {
    const { rt } = this;
    if (from === rt.local()) return;
    const nodelist = msg.get('nodelist');
    if (nodelist !== undefined) {
      const names = splitNodeList(nodelist);
      for (const name of names) {
        const known = rt.table.byName(name);
        if (known === undefined) {
          rt.logger.info(`hb_add_one_node: Adding new node[${name}] to configuration.`);
          rt.table.add(name, 'normal');
        } else if (known.type !== 'normal') {
          rt.logger.error(`HBDoMsg_T_REPNODES: Incoming repnodes node list contains ${name}`);
        }
      }
      for (const node of [...rt.table.all()]) {
        if (node.type !== 'normal' || names.includes(node.name)) continue;
        rt.logger.info(`Removing node [${node.name}] from configuration.`);
        rt.table.remove(node.name);
      }
      // New nodes can die, and the last node of the table sets every link's timeout.
      rt.livenessChanged();
      rt.flags.reqnodesReplied = true;
    }
    const delnodelist = msg.get('delnodelist');
    if (delnodelist !== undefined) {
      this.deleted = splitNodeList(delnodelist);
      rt.flags.reqnodesReplied = true;
    }
    rt.commNowUp();
  }
}
