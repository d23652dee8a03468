// A process that opens UDP media with @heartline/transport-udp inside a lab namespace and speaks
// JSON lines: it prints {"event":"open"} (or {"event":"error",code,message}) and one
// {"event":"frame",media,link,from,text} per received frame; it reads {"send":i,"text":…} lines
// and sends the text on medium i. Usage: node runTransportProbe.js '<MediaSpec[] as JSON>'.
import { createInterface } from 'node:readline';
import { isHaError, MemorySink, StructuredLogger, SystemClock, type MediaSpec, type Transport } from '@heartline/core';
import { UdpTransportFactory } from '@heartline/transport-udp';

const specs = JSON.parse(process.argv[2] ?? '[]') as MediaSpec[];
const clock = new SystemClock();
const logger = new StructuredLogger([new MemorySink()], clock);
const factory = new UdpTransportFactory();
const media: Transport[] = [];
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

try {
  for (const [i, spec] of specs.entries()) {
    const medium = factory.create(spec, { localNode: 'probe', clock, logger });
    medium.onFrame((frame, from) => print({ event: 'frame', media: i, link: medium.linkName, from, text: Buffer.from(frame).toString() }));
    await medium.open();
    media.push(medium);
  }
  print({ event: 'open' });
} catch (error) {
  print(isHaError(error) ? { event: 'error', code: error.code, message: error.message } : { event: 'error', message: String(error) });
  process.exit(1);
}

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { send: number; text: string };
  await media[command.send]?.send(Buffer.from(command.text));
  print({ event: 'sent', media: command.send });
}
for (const medium of media) await medium.close();
