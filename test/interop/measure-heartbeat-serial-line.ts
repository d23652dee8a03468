// Bytes per second two REAL heartbeat 3.0.6 nodes put on a serial cable (socat pty pair, 19200 baud),
// measured in steady state: the counterpart of packages/transport-serial/bench/measureHeartlineLine.mjs.
//
//   node test/dist/interop/measure-heartbeat-serial-line.js [keepalive_s=2] [deadtime_s=10] [window_s=60]
//
// Needs root (each heartbeat runs in a lab container), heartbeat 3.0.6, socat and a build
// (npm run build). Prints one JSON line.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { NetnsLab } from '../lib/NetnsLab.js';
import { RealHeartbeat } from '../lib/RealHeartbeat.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeHaConfig } from '../lib/writeHaConfig.js';

const [keepalive = '2', deadtime = '10', windowS = '60'] = process.argv.slice(2);
// Recording (-r/-R) gives each direction's byte count.
const lab = await NetnsLab.create({ nodes: 2, serialCable: { record: true } });
const cable = lab.cable;
const daemons = lab.nodes.map((node) => new RealHeartbeat(node));
const size = (f: string): number => statSync(join(cable.dir, f), { throwIfNoEntry: false })?.size ?? 0;
try {
  lab.nodes.forEach((node) =>
    writeHaConfig(node.configDir, {
      nodes: ['node1', 'node2'],
      iface: node.iface,
      media: [{ kind: 'serial', device: lab.cableEnd(node), baud: 19200 }],
      keepalive,
      deadtime,
      auth: { method: 'sha1', key: 'hbl-lab-test-key' },
      extra: ['realtime off'],
    }),
  );
  for (const hb of daemons) await hb.start();
  await waitUntil('both heartbeats active', () => (daemons.every((hb) => hb.log.find(/Local status now set to: 'active'/) !== undefined) ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 100,
  });
  // Let start-up traffic (reqnodes, resource negotiation, dt boost, RQSTDELAY) die down.
  await sleep(20_000);
  const a0 = size('aToB.bin');
  const b0 = size('bToA.bin');
  await sleep(Number(windowS) * 1000);
  const a1 = size('aToB.bin');
  const b1 = size('bToA.bin');
  const w = Number(windowS);
  console.log(JSON.stringify({ keepaliveS: Number(keepalive), windowS: w, node1BytesPerS: (a1 - a0) / w, node2BytesPerS: (b1 - b0) / w,
    lineBytesPerS: 19200 / 10, node1LineShare: (a1 - a0) / w / 1920 }));
} finally {
  for (const hb of daemons) hb.close();
  await lab.destroy();
}
