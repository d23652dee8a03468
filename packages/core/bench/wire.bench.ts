// `npm run bench -- wire`: the codec's throughput on a typical status message (sha1, msgfmt
// classic, i.e. inner auth field + trailer, as heartbeat 3.0.6 sends by default), and the bytes
// each message allocates. Run by scripts/bench.mjs with --expose-gc and a large young generation,
// so a measured batch fits in new space and heap growth equals what it allocated.
import { PerformanceObserver } from 'node:perf_hooks';
import { WireAuth } from '../src/auth/WireAuth.js';
import { createAuthenticator } from '../src/auth/createAuthenticator.js';
import { classicAuthText } from '../src/wire/classicAuthText.js';
import { decodeMessage } from '../src/wire/decodeMessage.js';
import { encodeNetstring } from '../src/wire/encodeNetstring.js';
import { HaMessage } from '../src/wire/HaMessage.js';

const auth = new WireAuth({ activeSlot: 1, slots: new Map([[1, { slot: 1, method: 'sha1', key: 'hbl-lab-test-key' }]]) });
const sha1 = createAuthenticator('sha1', 'hbl-lab-test-key');
const uuid = Uint8Array.from([0x9e, 0x64, 0x27, 0x45, 0xa6, 0xa0, 0x4d, 0x5b, 0x9d, 0xa9, 0x7e, 0xa8, 0x1f, 0x19, 0x77, 0x5d]);

/** The status message of vector 01 (node1, st=active), with its seq varied. */
function status(seq: number): HaMessage {
  return new HaMessage([
    { name: 't', type: 'string', value: 'status' },
    { name: 'st', type: 'string', value: 'active' },
    { name: 'dt', type: 'string', value: '1b58' },
    { name: 'protocol', type: 'string', value: '1' },
    { name: 'src', type: 'string', value: 'node1' },
    { name: 'srcuuid', type: 'binary', value: uuid },
    { name: 'seq', type: 'string', value: seq.toString(16) },
    { name: 'hg', type: 'string', value: '6b077568' },
    { name: 'ts', type: 'string', value: '6b077567' },
    { name: 'ld', type: 'string', value: '0.23 0.17 0.07 4/95 22' },
    { name: 'ttl', type: 'string', value: '3' },
  ]);
}

const messages = Array.from({ length: 1024 }, (_, i) => status(i + 1));
const packets = messages.map((m) => auth.sealUdp(m, { innerAuth: true }));
const netstrings = packets.map((p) => decodeMessage(p)).map((r) => (r.ok ? r.signedBytes! : new Uint8Array()));
const authTexts = messages.map((m) => classicAuthText(m));
let sink = 0;

const cases: Array<[string, (i: number) => void]> = [
  ['sealUdp (sign + encode, inner auth + trailer)', (i) => (sink += auth.sealUdp(messages[i & 1023]!, { innerAuth: true }).length)],
  ['open (decode + verify trailer)', (i) => (sink += auth.open(packets[i & 1023]!).ok ? 1 : 0)],
  ['  part: encodeNetstring', (i) => (sink += encodeNetstring(messages[i & 1023]!).length)],
  ['  part: classicAuthText', (i) => (sink += classicAuthText(messages[i & 1023]!).length)],
  ['  part: decodeMessage', (i) => (sink += decodeMessage(packets[i & 1023]!).ok ? 1 : 0)],
  ['  part: HMAC-SHA1 sign of the netstring', (i) => (sink += sha1.sign(netstrings[i & 1023]!).length)],
  ['  part: HMAC-SHA1 sign of the classic text', (i) => (sink += sha1.sign(authTexts[i & 1023]!).length)],
  ['sealUdp, msgfmt netstring (trailer only)', (i) => (sink += auth.sealUdp(messages[i & 1023]!, { innerAuth: false }).length)],
  ['sealClassic (serial)', (i) => (sink += auth.sealClassic(messages[i & 1023]!).length)],
];

const gc = (globalThis as { gc?: () => void }).gc;
const gcTimes: number[] = [];
new PerformanceObserver((list) => gcTimes.push(...list.getEntries().map((e) => e.startTime))).observe({ entryTypes: ['gc'] });
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

function rate(fn: (i: number) => void): number {
  for (let i = 0; i < 20_000; i++) fn(i); // warm up
  let best = 0;
  for (let round = 0; round < 5; round++) {
    const n = 100_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    best = Math.max(best, n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return best;
}

/** Heap + ArrayBuffer growth over a batch that no gc interrupted (checked), per message. */
async function allocated(fn: (i: number) => void): Promise<string> {
  if (gc === undefined) return 'n/a (needs --expose-gc)';
  const n = 5_000;
  for (let attempt = 0; attempt < 5; attempt++) {
    gc();
    await tick();
    const t0 = performance.now();
    const before = process.memoryUsage();
    for (let i = 0; i < n; i++) fn(i);
    const after = process.memoryUsage();
    const t1 = performance.now();
    await tick();
    if (gcTimes.some((t) => t >= t0 && t <= t1)) continue;
    return `${Math.round((after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers)) / n)} B`;
  }
  return 'n/a (gc ran)';
}

console.log(`wire codec, typical status message (${packets[0]!.length} B on UDP, sha1), node ${process.version}, one core`);
console.log(`${'case'.padEnd(48)} ${'msgs/s'.padStart(10)}  ${'alloc/msg'.padStart(10)}`);
for (const [name, fn] of cases) {
  const perSecond = rate(fn);
  console.log(`${name.padEnd(48)} ${Math.round(perSecond).toLocaleString('en-US').padStart(10)}  ${(await allocated(fn)).padStart(10)}`);
}
if (sink === 0) console.log('(nothing measured)');
