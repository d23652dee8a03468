import { ManualClock } from '../../src/time/ManualClock.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { HaMessage } from '../../src/wire/HaMessage.js';
import { Membership } from '../../src/membership/Membership.js';
import type { MembershipOptions } from '../../src/membership/MembershipOptions.js';

export interface Member {
  readonly clock: ManualClock;
  readonly sink: MemorySink;
  readonly m: Membership;
  /** Everything transmitted, in wire order, with the clock time it left. */
  readonly sent: Array<{ atMs: number; msg: HaMessage }>;
  /** Transmitted messages of one type (`t`). */
  sentOfType(type: string): Array<{ atMs: number; msg: HaMessage }>;
  /** Log lines as heartbeat would print them: `WARN: node x: is dead`. */
  lines(): string[];
}

const levelWord = { debug: 'debug', info: 'info', warn: 'WARN', error: 'ERROR', crit: 'CRIT' } as const;

export function uuidFor(name: string): Uint8Array {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = (name.charCodeAt(i % name.length) * (i + 7)) & 0xff;
  return bytes;
}

/** A Membership on a ManualClock with heartbeat's defaults scaled for tests (keepalive 1 s, deadtime 5 s). */
export function makeMember(overrides: Partial<MembershipOptions> & { localNode: string; nodes: readonly string[] }, clock = new ManualClock(0, Date.UTC(2026, 10, 25, 23, 55, 19))): Member {
  const sink = new MemorySink();
  const sent: Array<{ atMs: number; msg: HaMessage }> = [];
  const m = new Membership({
    keepaliveMs: 1000,
    deadtimeMs: 5000,
    warntimeMs: 2500,
    initdeadMs: 12000,
    deadpingMs: 5000,
    maxRexmitDelayMs: 250,
    hopfudge: 1,
    linkNames: ['eth0'],
    autojoin: 'none',
    uuid: uuidFor(overrides.localNode),
    generation: 0x6b077568,
    clock,
    logger: new StructuredLogger([sink], clock),
    transmit: (msg) => sent.push({ atMs: clock.now(), msg }),
    random: () => 0.5,
    loadAverage: () => '0.23 0.17 0.07 4/95 22',
    pid: 17,
    ...overrides,
  });
  return {
    clock,
    sink,
    m,
    sent,
    sentOfType: (type) => sent.filter((s) => s.msg.get('t') === type),
    lines: () => sink.records.map((r) => `${levelWord[r.level]}: ${r.message}`),
  };
}

/** A message as a heartbeat peer would send it: its own fields, then the standard ones. */
export function peerMessage(
  fields: ReadonlyArray<readonly [string, string]>,
  std: { src: string; seq?: number; hg: number; ts?: number; uuid?: Uint8Array; dest?: string; destUuid?: Uint8Array },
): HaMessage {
  const msg = HaMessage.fromStrings(fields);
  if (std.destUuid !== undefined) msg.setBinary('destuuid', std.destUuid);
  msg.setString('src', std.src);
  msg.setBinary('srcuuid', std.uuid ?? uuidFor(std.src));
  if (std.seq !== undefined) msg.setString('seq', std.seq.toString(16));
  msg.setString('hg', std.hg.toString(16));
  msg.setString('ts', (std.ts ?? 0x6b077570).toString(16));
  if (std.seq !== undefined) msg.setString('ld', '0.00 0.00 0.00 1/1 1');
  msg.setString('ttl', '3');
  return msg;
}

export function peerStatus(src: string, seq: number, hg: number, st = 'active', dt = 5000, extra: { ts?: number; protocol?: boolean } = {}): HaMessage {
  const fields: Array<[string, string]> = [
    ['t', 'status'],
    ['st', st],
    ['dt', dt.toString(16)],
  ];
  if (extra.protocol !== false) fields.push(['protocol', '1']);
  return peerMessage(fields, { src, seq, hg, ...(extra.ts === undefined ? {} : { ts: extra.ts }) });
}

/** Field names and string values in order, binary shown as `<16 bytes>`: what a wire dump shows. */
export function fieldsOf(msg: HaMessage): string[] {
  return msg.fields.map((f) => (f.type === 'string' ? `${f.name}=${f.value}` : `(1)${f.name}=<${f.type === 'binary' ? f.value.length : '?'} bytes>`));
}
