import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartbeatDaemon, heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { LabFixture } from '../lib/LabFixture.js';
import { heartbeatSkipReason } from '../lib/heartbeatSkipReason.js';
import { WebCluster } from '../lib/WebCluster.js';
import { WebScenario } from '../lib/WebScenario.js';

// The seed's web cluster with a Heartline node (node1) and a heartbeat 3.0.6 node (node2) sharing
// one group: `node1 10.213.0.100/24/hleth0 apache::/etc/ha.d/web/httpd.conf` (the seed writes a bare
// VIP, which heartbeat's IPaddr refuses on an interface not named eth0: see WebCluster), auto_failback on, keepalive
// 200 ms, deadtime 1 s. Each side runs the group its own way: Heartline with agent-ipaddr and
// agent-apache; heartbeat with its resource scripts, /etc/ha.d/resource.d/IPaddr (the OCF IPaddr
// under it) and /etc/ha.d/resource.d/apache CONFIG, the wrapper that runs the OCF apache agent with
// OCF_RESKEY_configfile=CONFIG: it starts `apache2 -DSTATUS -f CONFIG` and waits until a GET of the
// config's Listen address, sent from 127.0.0.1, returns a page with `</html>`. Each node's apache
// runs in its own namespaces with its own site behind that path (both listen on the VIP only).
// The story is the e2e one (WebScenario): start, power cut of the Heartline node, failback to it,
// a broken config on it (heartbeat's OCF start would wait forever on a config apache refuses).
const skip =
  e2eSkipReason({
    root: true,
    commands: ['ip', 'unshare', 'nsenter', 'wget'],
    files: [
      '/usr/sbin/apache2', '/usr/lib/apache2/modules/mod_mpm_event.so', '/etc/mime.types',
      '/etc/ha.d/resource.d/IPaddr', '/etc/ha.d/resource.d/apache', '/usr/lib/ocf/resource.d/heartbeat/apache',
    ],
  }) ?? heartbeatSkipReason();

/** heartbeat's scripts: IPaddr plus the OCF apache start, which polls its page once a second. */
const TIMEOUTS = { startupMs: 30_000, moveMs: 25_000, giveUpMs: 50_000 };

describe('interop: the web cluster (VIP + apache) shared by Heartline and heartbeat 3.0.6', { skip }, () => {
  let web: WebCluster;
  let daemons: [ClusterDaemon, ClusterDaemon];
  const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
    daemons = [f.closeAfter(heartlineDaemon(built.node(1))), f.closeAfter(heartbeatDaemon(built.node(2)))];
  });
  before(async () => {
    web = await WebCluster.create(fixture.lab, daemons, { listen: ['vip', 'vip'], vipForm: 'with-interface', heartlineCf: 'monitor apache interval=2s restarts=1 window=10min\n' });
  });
  after(async () => {
    await web?.close();
  });
  const step = (body: (scenario: WebScenario) => Promise<unknown>) => (t: { diagnostic(line: string): void }) =>
    fixture.guard(async () => {
      await body(new WebScenario(web, (line) => t.diagnostic(line), TIMEOUTS));
    });

  test('start: node1 (Heartline) serves the page through the VIP', { timeout: 45_000 }, step((s) => s.start()));

  test('power cut of node1: heartbeat takes the VIP, then starts its apache with node2\'s config, and serves', { timeout: 40_000 }, step(async (s) => {
    await s.powerCutOfNode1();
    // heartbeat ran its own scripts: the OCF agent's apache, started with the config haresources names.
    assert.ok(daemons[1].log.find(/Running \/etc\/ha\.d\/+resource\.d\/apache \/etc\/ha\.d\/web\/httpd\.conf start$/) !== undefined);
  }));

  test('node1 back: heartbeat stops apache, then removes the VIP; Heartline adds the VIP, then starts apache', { timeout: 45_000 }, step((s) => s.node1Returns()));

  test('a broken apache config on the Heartline node: apache\'s own error in its log, the VIP rolled back, heartbeat serves', { timeout: 90_000 }, step((s) => s.brokenConfigOnNode1()));

  test('ha takeover on node1 (config repaired): heartbeat hands the group back', { timeout: 60_000 }, step((s) => s.takeoverByNode1()));

  test('kill -9 of apache on the Heartline node: monitoring restarts it in place (heartbeat never would)', { timeout: 45_000 }, step((s) => s.apacheCrashHealedOn(1)));

  test('apache killed again, its restart used up: Heartline hands the group to heartbeat through the standby protocol', { timeout: 60_000 }, step((s) => s.apacheKeepsCrashingOn(1, 2)));
});
