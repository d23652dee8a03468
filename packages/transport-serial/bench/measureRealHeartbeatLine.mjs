#!/usr/bin/env node
// Bytes per second two REAL heartbeat 3.0.6 nodes put on a serial cable (socat pty pair, 19200 baud),
// measured in steady state. Root only (namespaces). Usage:
//   node packages/transport-serial/bench/measureRealHeartbeatLine.mjs [keepalive_s=2] [deadtime_s=10] [window_s=60]
// Build first (npx tsc -b). Prints one JSON line.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RealHeartbeat } from '../dist/test/helpers/RealHeartbeat.js';
import { SocatCable } from '../dist/test/helpers/SocatCable.js';

const [keepalive = '2', deadtime = '10', windowS = '60'] = process.argv.slice(2);
const cable = new SocatCable('heartline-serial-measure-', true);
const nodes = ['node1', 'node2'].map((n) => new RealHeartbeat(mkdtempSync(join(tmpdir(), `heartline-serial-${n}-`)), n));
const size = (f) => statSync(join(cable.dir, f), { throwIfNoEntry: false })?.size ?? 0;
try {
  await cable.plug();
  nodes.forEach((hb, i) =>
    hb.configure(
      ['logfacility none', 'logfile /var/log/ha-log', 'use_logd no', `keepalive ${keepalive}`, `deadtime ${deadtime}`,
        'baud 19200', `serial ${i === 0 ? cable.a : cable.b}`, 'auto_failback on', 'crm no', 'realtime off',
        'node node1', 'node node2', ''].join('\n'),
      'hbl-lab-test-key',
    ),
  );
  for (const hb of nodes) await hb.start();
  for (let i = 0; i < 600 && !nodes.every((hb) => hb.log().includes("Local status now set to: 'active'")); i++) await sleep(100);
  // Let start-up traffic (reqnodes, resource negotiation, dt boost, RQSTDELAY) die down.
  await sleep(20_000);
  const a0 = size('aToB.bin'), b0 = size('bToA.bin');
  await sleep(Number(windowS) * 1000);
  const a1 = size('aToB.bin'), b1 = size('bToA.bin');
  const w = Number(windowS);
  console.log(JSON.stringify({ keepaliveS: Number(keepalive), windowS: w, node1BytesPerS: (a1 - a0) / w, node2BytesPerS: (b1 - b0) / w,
    lineBytesPerS: 19200 / 10, node1LineShare: (a1 - a0) / w / 1920 }));
} finally {
  for (const hb of nodes) await hb.stop();
  await cable.dispose();
  for (const hb of nodes) rmSync(hb.dir, { recursive: true, force: true });
}
