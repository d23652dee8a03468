import { getUuid } from './getUuid.js';
import type { HaMessage } from '../wire/HaMessage.js';
import type { ControlFieldsContext } from './ControlFieldsContext.js';
import { formatUuid } from '../wire/formatUuid.js';

/**
 * add_control_msg_fields (ha_msg_internal.c): fills in `destuuid`/`dest`, then `src`, `srcuuid`,
 * `seq`, `hg`, `ts`, `ld`, `ttl` in that order, replacing a field in place when it already exists
 * and appending it otherwise. NS_* messages get no `seq` or `ld` and keep string fields they carry.
 * Mutates and returns `msg`, or undefined for a message without `t`.
 */
export function addControlFields(msg: HaMessage, ctx: ControlFieldsContext): HaMessage | undefined {
  const to = msg.get('dest');
  const toUuid = getUuid(msg, 'destuuid');
  if (to !== undefined) {
    const uuid = ctx.uuidOf(to);
    if (uuid !== undefined && uuid.some((b) => b !== 0)) msg.setBinary('destuuid', uuid);
  } else if (toUuid !== undefined) {
    const name = ctx.nameOf(toUuid);
    if (name !== undefined) msg.setString('dest', name);
    else ctx.logger.warn(`nodename not found for uuid ${formatUuid(toUuid)}`);
  }

  const type = msg.get('t');
  if (type === undefined) {
    ctx.logger.error('No type (add_control_msg_fields): ');
    return undefined;
  }
  const noSeq = type.startsWith('NS_');
  const keep = (name: string): boolean => noSeq && msg.get(name) !== undefined;

  if (!keep('src')) msg.setString('src', ctx.localNode);
  msg.setBinary('srcuuid', ctx.localUuid);
  if (!noSeq) msg.setString('seq', ctx.nextSeq().toString(16));
  if (!keep('hg')) msg.setString('hg', ctx.generation.toString(16));
  if (!keep('ts')) msg.setString('ts', ctx.wallSeconds().toString(16));
  if (!noSeq) msg.setString('ld', ctx.loadAverage());
  if (!keep('ttl')) msg.setString('ttl', String(ctx.ttl()));
  return msg;
}
