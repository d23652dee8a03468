// `npm run bench -- ipaddr [--runs N] [--crashes N] [--json]`: issue 18's figures for the virtual IP,
// Heartline beside heartbeat 3.0.6 on the same machine in the same run. Benchmarks print figures;
// they assert no targets.
//  1. start -> first gratuitous ARP on the wire, and stop -> address gone, of Heartline's IPaddr agent
//     (@heartline/agent-ipaddr, netlink in-process + send_arp) and of heartbeat's
//     /etc/ha.d/resource.d/IPaddr, N runs each (default 50), alternately, in a namespace lab.
//  2. takeover overhead in a real failover: keepalive 100 ms / deadtime 500 ms, bcast, haresources
//     `node1 IPaddr::10.213.0.100/24/hleth0`, power cut of node1, N crashes (default 10) with
//     Heartline on both nodes, then N with heartbeat on both: from the survivor's `node node1: is dead`
//     to its first GARP on the bridge; also the client's ping gap (pings every 10 ms).
// `--runs 0` / `--crashes 0` leave a part out. `--json` ends the output with one line
// `{"bench":"ipaddr",…}`. `--keep` keeps the labs' files (configs, logs) and prints where. Needs root and heartbeat 3.0.6; skips with the reason otherwise.
// Everything runs in namespaces of its own (10.213.0.0/24 only), removed at the end or on SIGINT.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { missingCommands } from '@heartline/core/testing';
import { heartbeatBinary } from '../lib/heartbeatBinary.js';
import type { AgentSamples } from './ipaddr/AgentSamples.js';
import { labBenchCleanup } from './ipaddr/labBenchCleanup.js';
import type { Figures } from './ipaddr/Figures.js';
import { figuresOf } from './ipaddr/figuresOf.js';
import { measureAgents, type AgentMeasurement } from './ipaddr/measureAgents.js';
import { measureTakeovers } from './ipaddr/measureTakeovers.js';
import type { TakeoverSamples } from './ipaddr/TakeoverSamples.js';
import { VIP } from './ipaddr/vipAddresses.js';

const values = options();
const runs = count('--runs', values.runs);
const crashes = count('--crashes', values.crashes);

const cleanup = labBenchCleanup('ipaddr', skipReason(), values.json);
const say = (line: string): void => console.log(line);
const began = performance.now();

let agents: AgentMeasurement | undefined;
if (runs > 0) {
  say(`part 1: start -> first GARP and stop -> address gone, ${runs} runs each (after 2 warm-up runs), VIP ${VIP}/24 on hleth0`);
  agents = await measureAgents(runs, cleanup, say, values.keep);
}
const takeovers: Partial<Record<'heartline' | 'heartbeat', TakeoverSamples>> = {};
if (crashes > 0) {
  for (const kind of ['heartline', 'heartbeat'] as const) {
    say(`part 2: takeover with ${kind} on both nodes, ${crashes} crash${crashes === 1 ? '' : 'es'} of the VIP owner`);
    takeovers[kind] = await measureTakeovers(kind, crashes, cleanup, say, values.keep);
  }
}
const durationS = (performance.now() - began) / 1000;

say('');
if (agents !== undefined) printAgents(agents);
if (crashes > 0) printTakeovers(takeovers);
say(`ipaddr: ${durationS.toFixed(0)} s (--runs ${runs} --crashes ${crashes})`);
if (values.json) {
  console.log(JSON.stringify({
    bench: 'ipaddr',
    runs,
    crashes,
    durationS: round(durationS),
    ...(agents === undefined ? {} : { agent: agentJson(agents) }),
    ...(crashes === 0 ? {} : { takeover: Object.fromEntries(Object.entries(takeovers).map(([k, s]) => [k, takeoverJson(s)])) }),
  }));
}

function options(): { runs: string; crashes: string; json: boolean; keep: boolean } {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string', default: '50' },
        crashes: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`ipaddr: ${(error as Error).message}; usage: npm run bench -- ipaddr [--runs N] [--crashes N] [--json] [--keep]`);
    process.exit(64);
  }
}

function count(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`ipaddr: ${flag} wants a whole number >= 0, not ${JSON.stringify(text)}`);
    process.exit(64);
  }
  return n;
}

function skipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (network namespaces, tcpdump)';
  if (heartbeatBinary() === undefined) return 'needs heartbeat 3.0.6 (the Debian package; scripts/install-system-deps.sh)';
  const files = ['/etc/ha.d/resource.d/IPaddr', '/usr/libexec/heartbeat/send_arp'];
  const missingFiles = files.filter((f) => !existsSync(f));
  if (missingFiles.length > 0) return `needs ${missingFiles.join(', ')} (heartbeat, resource-agents)`;
  const missing = missingCommands(['ip', 'tcpdump', 'nsenter', 'unshare', 'ping', 'arping']);
  return missing.length > 0 ? `needs the commands ${missing.join(', ')}` : undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function cell(value: number | undefined): string {
  return (value === undefined ? 'n/a' : value.toFixed(1)).padStart(8);
}

function cells(f: Figures | undefined): string {
  return [f?.p50, f?.p99, f?.min, f?.max].map(cell).join('');
}

function ratio(a: number | undefined, b: number | undefined): string {
  return (a === undefined || b === undefined || b <= 0 ? 'n/a' : `${(a / b).toFixed(1)}x`).padStart(8);
}

function printAgents(m: AgentMeasurement): void {
  const rows: Array<[string, keyof AgentSamples]> = [
    ['start -> first GARP on the wire', 'startToGarp'],
    ['  start -> ARP probe on the wire', 'startToProbe'],
    ['stop -> address gone', 'stopToGone'],
    ['start call -> start returned', 'startReturned'],
    ['stop call -> stop returned', 'stopReturned'],
  ];
  say(`IPaddr start/stop, ms, ${m.heartline.startToGarp.length} runs each: Heartline's IPaddr agent (netlink + send_arp) vs heartbeat's /etc/ha.d/resource.d/IPaddr`);
  say(`${''.padEnd(34)}${'Heartline agent'.padEnd(32)}${'heartbeat resource.d/IPaddr'.padEnd(32)}heartbeat/Heartline`);
  say(`${''.padEnd(34)}${'     p50     p99     min     max'.repeat(2)}     p50     p99`);
  for (const [label, key] of rows) {
    const [hl, hb] = [figuresOf(m.heartline[key]), figuresOf(m.heartbeat[key])];
    say(`${label.padEnd(34)}${cells(hl)}${cells(hb)}${ratio(hb?.p50, hl?.p50)}${ratio(hb?.p99, hl?.p99)}`);
  }
  const nsenter = figuresOf(m.nsenterMs);
  say(`  first GARP, ARP probe (who-has VIP tell 0.0.0.0: Heartline's duplicate-address check; heartbeat's IPaddr sends none): tcpdump -tt`);
  say(`  on the lab bridge; address gone: ip monitor address in the node's namespace; all on the host's epoch clock.`);
  say(`  Heartline's times start at the agent call in a long-lived process (as in the daemon; includes its 10 ms ARP probe);`);
  say(`  heartbeat's at the spawn of the script on its node, which includes entering the node (nsenter /bin/true: p50 ${nsenter?.p50.toFixed(1) ?? 'n/a'} ms).`);
  say('');
}

function printTakeovers(t: Partial<Record<'heartline' | 'heartbeat', TakeoverSamples>>): void {
  const rows: Array<[string, keyof TakeoverSamples]> = [
    ["'node node1: is dead' -> first GARP", 'deadToGarp'],
    ["  'is dead' -> ARP probe on the wire", 'deadToProbe'],
    ['power cut -> is dead (detection)', 'crashToDead'],
    ['power cut -> first GARP', 'crashToGarp'],
    ['client ping gap (10 ms pings)', 'pingGap'],
  ];
  const n = (t.heartline ?? t.heartbeat)?.deadToGarp.length ?? 0;
  say(`Takeover, ms, ${n} crashes each of the VIP owner: keepalive 100ms, deadtime 500ms, bcast, haresources 'node1 IPaddr::${VIP}/24/hleth0'`);
  say(`${''.padEnd(38)}${'Heartline (both nodes)'.padEnd(32)}${'heartbeat 3.0.6 (both nodes)'.padEnd(32)}heartbeat/Heartline`);
  say(`${''.padEnd(38)}${'     p50     p99     min     max'.repeat(2)}     p50     p99`);
  for (const [label, key] of rows) {
    const [hl, hb] = [figuresOf(t.heartline?.[key] ?? []), figuresOf(t.heartbeat?.[key] ?? [])];
    say(`${label.padEnd(38)}${cells(hl)}${cells(hb)}${ratio(hb?.p50, hl?.p50)}${ratio(hb?.p99, hl?.p99)}`);
  }
  say(`  'is dead': when the survivor's log line appeared (its ha-log polled every 5 ms); GARP: tcpdump -tt on the lab bridge, from the survivor's MAC.`);
  say(`  ping gap: the client's longest silence between two replies (ping -D); rounds where no reply came within 5 s of the GARP are left out.`);
  say('');
}

function figuresJson(values: readonly number[]): Figures | null {
  const f = figuresOf(values);
  return f === undefined ? null : { n: f.n, p50: round(f.p50), p99: round(f.p99), min: round(f.min), max: round(f.max) };
}

function agentJson(m: AgentMeasurement): object {
  const side = (s: AgentSamples): object => ({
    startToFirstGarpMs: figuresJson(s.startToGarp),
    startToProbeMs: figuresJson(s.startToProbe),
    stopToGoneMs: figuresJson(s.stopToGone),
    startReturnedMs: figuresJson(s.startReturned),
    stopReturnedMs: figuresJson(s.stopReturned),
  });
  return { heartline: side(m.heartline), heartbeat: side(m.heartbeat), nsenterMs: figuresJson(m.nsenterMs) };
}

function takeoverJson(s: TakeoverSamples): object {
  return {
    deadToFirstGarpMs: figuresJson(s.deadToGarp),
    deadToProbeMs: figuresJson(s.deadToProbe),
    crashToDeadMs: figuresJson(s.crashToDead),
    crashToFirstGarpMs: figuresJson(s.crashToGarp),
    clientPingGapMs: figuresJson(s.pingGap),
  };
}
