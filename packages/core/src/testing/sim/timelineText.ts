import type { HaMessage } from '../../wire/HaMessage.js';

/** Membership's own chatter: left out of the timeline, which tells who asked for and did what. */
const quiet = new Set(['NS_ackmsg', 'NS_rexmit', 'reqnodes', 'repnodes']);
const shown = ['st', 'rsc_hold', 'rtype', 'isstable', 'info', 'dest', 'ipaddr', 'node', 'result', 'hg'];

/** A sent message as a timeline line (`resource rsc_hold=local isstable=1`), or undefined for chatter. */
export function timelineText(message: HaMessage): string | undefined {
  const type = message.get('t') ?? '?';
  if (quiet.has(type)) return undefined;
  const fields = shown.filter((f) => message.get(f) !== undefined && (f !== 'hg' || type === 'status')).map((f) => `${f}=${message.get(f) ?? ''}`);
  return [type, ...fields].join(' ');
}
