/** Heartbeat's yes/no words (cluster-glue `cl_str_to_boolean`), any case; undefined when none fits. */
export function parseHeartbeatBoolean(text: string): boolean | undefined {
  const word = text.toLowerCase();
  if (['true', 'on', 'yes', 'y', '1'].includes(word)) return true;
  if (['false', 'off', 'no', 'n', '0'].includes(word)) return false;
  return undefined;
}
