import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHa } from '../runHa.js';
import { documentedMetrics } from '../helpers/documentedMetrics.js';
import { freeTcpPort } from '../helpers/freeTcpPort.js';
import { freeUdpPort } from '../helpers/freeUdpPort.js';
import { parseExposition, type Exposition } from '../helpers/parseExposition.js';
import { waitFor } from '../helpers/waitFor.js';
import { startLoopbackDaemon, stopLoopbackDaemon, type LoopbackDaemon } from '../helpers/loopbackDaemon.js';

// One real `ha start` on loopback with heartline.cf's `metrics` line: node2 is never heard, so
// node1 takes its group (an LSB-like resource.d script) alone at initdead. Everything it serves is
// checked against docs/metrics.md; then reloads move the endpoint, meet a taken port and close it.

describe('the metrics endpoint of a real daemon on loopback', () => {
  let dir = '';
  let cfg = '';
  let udpPort = 0;
  let port = 0;
  let daemon: LoopbackDaemon | undefined;
  const runDir = (): string => join(dir, 'run');
  const writeHeartlineCf = (metricsLine: string): void =>
    writeFileSync(join(cfg, 'heartline.cf'), `# metrics test\nmonitor hlmetrics interval=300ms\n${metricsLine}\n`);

  const scrape = async (at = port): Promise<Exposition> => {
    const response = await fetch(`http://127.0.0.1:${at}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return parseExposition(await response.text());
  };
  const scrapeWhen = (what: string, ready: (m: Exposition) => boolean, at = port): Promise<Exposition> =>
    waitFor(what, async () => {
      const m = await scrape(at).catch(() => undefined);
      return m !== undefined && ready(m) ? m : undefined;
    }, 20_000).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n${daemon?.stderr.slice(-3000)}`);
    });
  const stderrLine = (pattern: RegExp, from: number): Promise<string> =>
    waitFor(`${pattern} in the daemon's log`, () => daemon?.stderr.slice(from).split('\n').find((l) => pattern.test(l)));

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-metrics-'));
    cfg = join(dir, 'cfg');
    udpPort = await freeUdpPort();
    port = await freeTcpPort();
    mkdirSync(join(cfg, 'resource.d'), { recursive: true });
    mkdirSync(join(dir, 'init.d'));
    writeFileSync(join(cfg, 'ha.cf'), `keepalive 200ms\ndeadtime 1\ninitdead 2\nudpport ${udpPort}\nucast lo 127.0.0.1\nauto_failback on\nnode node1\nnode node2\n`);
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 metrics-test-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), 'node1 hlmetrics\n');
    writeHeartlineCf(`metrics listen=127.0.0.1:${port}`);
    const state = join(dir, 'service.running');
    writeFileSync(
      join(cfg, 'resource.d', 'hlmetrics'),
      `#!/bin/sh\ncase "$1" in\n  start) touch '${state}' ;;\n  stop) rm -f '${state}' ;;\n  status) if [ -e '${state}' ]; then echo running; else echo stopped; fi ;;\nesac\nexit 0\n`,
    );
    chmodSync(join(cfg, 'resource.d', 'hlmetrics'), 0o755);
    daemon = startLoopbackDaemon(cfg, dir, runDir());
  });

  after(async () => {
    await stopLoopbackDaemon(daemon);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves what docs/metrics.md lists, with the documented types and labels, and the node as it is', async () => {
    const group = { group: 'hlmetrics' };
    await scrapeWhen('node1 to take its group', (m) =>
      m.value('heartline_group_held', group) === 1 && m.value('heartline_group_transitions_total', { ...group, transition: 'take', outcome: 'ok' }) === 1);
    // A packet that is not heartbeat's, to loopback only: refused on the wire.
    const udp = createSocket('udp4');
    await new Promise<void>((resolve) => udp.send('not a heartbeat packet', udpPort, '127.0.0.1', () => resolve()));
    udp.close();
    const m = await scrapeWhen('the bad packet and a monitoring check', (s) =>
      s.series('heartline_refused_packets_total', { stage: 'wire' }).length > 0 &&
      (s.value('heartline_resource_operation_duration_seconds_count', { resource: 'hlmetrics', operation: 'status', result: 'running' }) ?? 0) > 0);

    const documented = documentedMetrics();
    assert.deepEqual([...m.types.keys()].sort(), [...documented.keys()].sort(), 'the metrics served are the ones docs/metrics.md lists');
    for (const [name, doc] of documented) {
      assert.equal(m.types.get(name), doc.type, `${name}: type`);
      const suffixes = doc.type === 'histogram' ? ['_bucket', '_sum', '_count'] : [''];
      for (const sample of m.samples.filter((s) => suffixes.some((suffix) => s.name === `${name}${suffix}`))) {
        const labels = Object.keys(sample.labels).filter((l) => !(doc.type === 'histogram' && l === 'le')).sort();
        assert.deepEqual(labels, [...doc.labels].sort(), `${sample.name}: labels`);
      }
    }
    const unseen = [...documented.keys()].filter((name) => !m.samples.some((s) => s.name.startsWith(name)));
    assert.deepEqual(unseen, ['heartline_refused_packets_unlogged_total'], 'documented metrics without a series in this scrape (no flood here)');

    assert.equal(m.value('heartline_info', { node: 'node1' }), 1);
    assert.equal(m.value('heartline_comm_up'), 1);
    assert.equal(m.value('heartline_node_status', { node: 'node1', status: 'active' }), 1);
    assert.equal(m.value('heartline_node_status', { node: 'node2', status: 'dead' }), 1);
    assert.equal(m.value('heartline_link_up', { node: 'node2', link: 'lo' }), 0);
    assert.ok((m.value('heartline_heartbeats_total', { node: 'node1' }) ?? 0) > 5, 'our own heartbeats, looped back');
    assert.ok((m.value('heartline_heartbeat_silence_seconds', { node: 'node2' }) ?? 0) > 2, 'node2 was never heard');
    assert.ok((m.value('heartline_resource_operation_duration_seconds_count', { resource: 'hlmetrics', operation: 'start', result: 'running' }) ?? 0) === 1);
    assert.equal(m.value('heartline_failover_stable'), 1);
  });

  it('serves /metrics only', async () => {
    for (const path of ['/', '/metrics/', '/metricsx', '/metrics.txt', '/favicon.ico', '/%6detrics']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      assert.equal(response.status, 404, path);
      await response.text();
    }
    const post = await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    await post.text();
    const head = await fetch(`http://127.0.0.1:${port}/metrics`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    // A query string (Prometheus' own ?name[]= filters) changes nothing: everything is served.
    const query = await fetch(`http://127.0.0.1:${port}/metrics?name[]=heartline_comm_up`);
    assert.equal(query.status, 200);
    assert.match(await query.text(), /^heartline_info\{/m);
  });

  it('a reload moves the endpoint, logs a taken port and runs on without metrics, and closes it', async () => {
    const child = daemon!.child;
    const moved = await freeTcpPort();
    let from = daemon!.stderr.length;
    writeHeartlineCf(`metrics listen=${moved}`);
    child.kill('SIGHUP');
    await stderrLine(new RegExp(`Reload: applied metrics \\(${cfg}/heartline\\.cf:3\\): 127\\.0\\.0\\.1:${port} -> 127\\.0\\.0\\.1:${moved}`), from);
    await scrapeWhen('the endpoint on its new port', () => true, moved);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/metrics`), 'the old port is closed');

    // A port another process holds: logged with its code, the node runs on.
    const holder = createServer();
    const taken = await new Promise<number>((resolve) => holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)));
    try {
      from = daemon!.stderr.length;
      writeHeartlineCf(`metrics listen=127.0.0.1:${taken}`);
      child.kill('SIGHUP');
      const line = await stderrLine(/METRICS_LISTEN_FAILED/, from);
      assert.match(line, new RegExp(`ERROR: METRICS_LISTEN_FAILED: cannot listen on 127\\.0\\.0\\.1:${taken} \\(${cfg}/heartline\\.cf:3\\): EADDRINUSE; running without metrics; hint: Free the port`));
      await assert.rejects(fetch(`http://127.0.0.1:${moved}/metrics`), 'the previous endpoint is closed');
      const status = await runHa(['status', 'nodestatus', 'node1', '--run-dir', runDir()]);
      assert.equal(status.stdout, 'active\n', 'the node runs on');
    } finally {
      holder.close();
    }

    from = daemon!.stderr.length;
    writeHeartlineCf('metrics off');
    child.kill('SIGHUP');
    await stderrLine(new RegExp(`Reload: applied metrics \\(${cfg}/heartline\\.cf:3\\): 127\\.0\\.0\\.1:${taken} -> off`), from);
    writeHeartlineCf(`metrics listen=${moved}`);
    from = daemon!.stderr.length;
    child.kill('SIGHUP');
    await stderrLine(/Reload: applied metrics .*: off -> 127\.0\.0\.1:/, from);
    const again = await scrapeWhen('the endpoint back', () => true, moved);
    assert.equal(again.value('heartline_group_held', { group: 'hlmetrics' }), 1);
    assert.equal(again.value('heartline_group_transitions_total', { group: 'hlmetrics', transition: 'take', outcome: 'ok' }), 0, 'a new endpoint counts transitions from zero');
  });
});
