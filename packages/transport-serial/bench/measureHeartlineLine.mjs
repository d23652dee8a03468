#!/usr/bin/env node
// Bytes per second two Heartline nodes (ClusterNode + this transport, in one process) put on a serial
// cable (socat pty pair, 19200 baud) in steady state: the counterpart of test/interop/measure-heartbeat-serial-line.ts.
//   node packages/transport-serial/bench/measureHeartlineLine.mjs [keepalive_s=2] [deadtime_s=10] [window_s=60]
// Needs socat; build first (npx tsc -b). Prints one JSON line.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClusterNode, MemorySink, PluginTransportRegistry, StructuredLogger, SystemClock, parseAuthKeys, parseHaCf } from '@heartline/core';
import { SocatCable } from '../dist/src/testing.js';

const [keepalive = '2', deadtime = '10', windowS = '60'] = process.argv.slice(2);
const packageRoot = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
const clock = new SystemClock();
const cable = new SocatCable('heartline-serial-measure-', true);
const size = (f) => statSync(join(cable.dir, f), { throwIfNoEntry: false })?.size ?? 0;
const nodes = [];
try {
  await cable.plug();
  for (const [name, device] of [['node1', cable.a], ['node2', cable.b]]) {
    const { config: haCf } = parseHaCf(`keepalive ${keepalive}\ndeadtime ${deadtime}\nbaud 19200\nserial ${device}\nnode node1\nnode node2\n`, 'ha.cf');
    const { keys } = parseAuthKeys('auth 1\n1 sha1 hbl-lab-test-key\n', 'authkeys');
    const stateDir = mkdtempSync(join(tmpdir(), `heartline-serial-${name}-`));
    const node = new ClusterNode({
      nodeName: name, haCf, authKeys: keys, clock, stateDir,
      transports: new PluginTransportRegistry([{ packageName: pkg.name, packageRoot, manifest: pkg.heartline }]),
      logger: new StructuredLogger([new MemorySink()], clock),
    });
    nodes.push({ node, stateDir });
  }
  await Promise.all(nodes.map((n) => n.node.start()));
  for (let i = 0; i < 600 && !nodes.every((n) => n.node.status().commUp); i++) await clock.sleep(100);
  await clock.sleep(20_000);
  const a0 = size('aToB.bin'), b0 = size('bToA.bin');
  await clock.sleep(Number(windowS) * 1000);
  const a1 = size('aToB.bin'), b1 = size('bToA.bin');
  const w = Number(windowS);
  console.log(JSON.stringify({ keepaliveS: Number(keepalive), windowS: w, node1BytesPerS: (a1 - a0) / w, node2BytesPerS: (b1 - b0) / w,
    lineBytesPerS: 1920, node1LineShare: (a1 - a0) / w / 1920 }));
} finally {
  await Promise.all(nodes.map((n) => n.node.stop().catch(() => undefined)));
  await cable.dispose();
  for (const n of nodes) rmSync(n.stateDir, { recursive: true, force: true });
}
