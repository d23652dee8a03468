import type { Logger } from '../log/Logger.js';
import { formatUuid } from '../wire/formatUuid.js';
import { NodeRecord } from './NodeRecord.js';
import type { NodeType } from './NodeType.js';

/** An all-zero uuid means "none" on the wire (cl_uuid_is_null). */
function isNullUuid(uuid: Uint8Array | undefined): boolean {
  return uuid === undefined || uuid.every((b) => b === 0);
}

function uuidKey(uuid: Uint8Array): string {
  return Buffer.from(uuid).toString('hex');
}

/**
 * heartbeat's node table with its name and uuid indexes (config.c add_node/remove_node, hb_uuid.c
 * lookup_tables/update_tables). Order is ha.cf order: it decides reqnodes targets, the nodelist
 * we announce and heartbeat's link-timeout quirk.
 */
export class NodeTable {
  private readonly nodes: NodeRecord[] = [];
  private readonly byNameIndex = new Map<string, NodeRecord>();
  private readonly byUuidIndex = new Map<string, NodeRecord>();

  constructor(
    private readonly logger: Logger,
    private readonly newRecord: (name: string, type: NodeType) => NodeRecord,
  ) {}

  get count(): number {
    return this.nodes.length;
  }

  all(): readonly NodeRecord[] {
    return this.nodes;
  }

  add(name: string, type: NodeType): NodeRecord {
    const record = this.newRecord(name.toLowerCase(), type);
    this.nodes.push(record);
    this.byNameIndex.set(record.name, record);
    return record;
  }

  /** remove_node: only a dead or init node can leave the table. */
  remove(name: string): boolean {
    const index = this.nodes.findIndex((n) => n.name === name);
    const record = this.nodes[index];
    if (record === undefined) return true;
    if (record.status !== 'dead' && record.status !== 'init') {
      this.logger.error(`remove_node: node ${name} is ${record.status}. Cannot remove alive node`);
      return false;
    }
    this.nodes.splice(index, 1);
    this.byNameIndex.delete(record.name);
    for (const [key, value] of this.byUuidIndex) if (value === record) this.byUuidIndex.delete(key);
    return true;
  }

  byName(name: string): NodeRecord | undefined {
    return this.byNameIndex.get(name);
  }

  /** lookup_tables: by uuid first, then by name. */
  lookup(name: string, uuid: Uint8Array | undefined): NodeRecord | undefined {
    if (!isNullUuid(uuid) && uuid !== undefined) {
      const found = this.byUuidIndex.get(uuidKey(uuid));
      if (found !== undefined) return found;
    }
    return this.byNameIndex.get(name);
  }

  /** Binds a uuid to a record without the learning rules: our own uuid at start. */
  bindUuid(record: NodeRecord, uuid: Uint8Array): void {
    record.uuid = uuid;
    this.byUuidIndex.set(uuidKey(uuid), record);
  }

  /**
   * update_tables: learns name <-> uuid from a packet. Returns true when the mapping changed
   * (heartbeat then rewrites its host cache).
   */
  learn(name: string, uuid: Uint8Array | undefined): boolean {
    if (uuid === undefined || isNullUuid(uuid)) return false;
    const known = this.byUuidIndex.get(uuidKey(uuid));
    if (known !== undefined) {
      if (known.name === name) return false;
      this.logger.warn(`nodename ${known.name} uuid changed to ${name}`);
      this.byNameIndex.delete(known.name);
      known.name = name;
      this.byNameIndex.set(name, known);
      return true;
    }
    const record = this.byNameIndex.get(name);
    if (record === undefined) {
      this.logger.warn(`node ${name} not found in table`);
      return false;
    }
    if (record.uuid !== undefined && !isNullUuid(record.uuid)) {
      this.logger.info(`node ${name} changed its uuid to ${formatUuid(uuid)}`);
    }
    this.bindUuid(record, uuid);
    return true;
  }
}
