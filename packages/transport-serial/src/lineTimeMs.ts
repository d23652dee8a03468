/**
 * How long `bytes` occupy a line at `baud` with heartbeat's 8N1 framing: each byte costs a start bit,
 * 8 data bits and a stop bit. (Heartbeat's own pacing counts 8 bits a byte, which is 20 % faster than
 * the line drains, so its kernel buffer slowly fills under load; we pace to what the line really carries.)
 */
export function lineTimeMs(bytes: number, baud: number): number {
  return (bytes * 10 * 1000) / baud;
}
