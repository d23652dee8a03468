import type { HaField } from './HaField.js';

/**
 * A heartbeat message: an ordered list of fields. Order and duplicate names are kept exactly as
 * heartbeat keeps them (lookups return the first match), so a decoded message re-encodes to the
 * same bytes.
 */
export class HaMessage {
  readonly fields: HaField[];

  constructor(fields: readonly HaField[] = []) {
    this.fields = [...fields];
  }

  /** A message of string fields, in the order given. */
  static fromStrings(entries: ReadonlyArray<readonly [string, string]>): HaMessage {
    return new HaMessage(entries.map(([name, value]) => ({ name, type: 'string', value })));
  }

  /** The message type (`t`). */
  get type(): string | undefined {
    return this.get('t');
  }

  field(name: string): HaField | undefined {
    return this.fields.find((f) => f.name === name);
  }

  has(name: string): boolean {
    return this.field(name) !== undefined;
  }

  /** The first field of that name if it is a string field. */
  get(name: string): string | undefined {
    const f = this.field(name);
    return f?.type === 'string' ? f.value : undefined;
  }

  getBinary(name: string): Uint8Array | undefined {
    const f = this.field(name);
    return f?.type === 'binary' ? f.value : undefined;
  }

  add(field: HaField): this {
    this.fields.push(field);
    return this;
  }

  addString(name: string, value: string): this {
    return this.add({ name, type: 'string', value });
  }

  /** Replaces the first field of that name in place (heartbeat's `ha_msg_mod`), or appends it. */
  set(field: HaField): this {
    const index = this.fields.findIndex((f) => f.name === field.name);
    if (index === -1) this.fields.push(field);
    else this.fields[index] = field;
    return this;
  }

  setString(name: string, value: string): this {
    return this.set({ name, type: 'string', value });
  }

  setBinary(name: string, value: Uint8Array): this {
    return this.set({ name, type: 'binary', value });
  }

  /** Removes every field of that name. */
  remove(name: string): this {
    for (let i = this.fields.length - 1; i >= 0; i--) {
      if (this.fields[i]?.name === name) this.fields.splice(i, 1);
    }
    return this;
  }

  /** A copy whose field list can change independently (values are shared; they are immutable). */
  clone(): HaMessage {
    return new HaMessage(this.fields);
  }
}
