import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import { LabFixture } from '../lib/LabFixture.js';
import { repoRoot } from '../lib/repoRoot.js';
import { WebCluster } from '../lib/WebCluster.js';
import { WebScenario } from '../lib/WebScenario.js';

// The seed's web cluster (issue 19, item 3) on two Heartline nodes: one haresources line
// `node1 10.213.0.100 apache::/etc/ha.d/web/httpd.conf`, the VIP then apache, each node with its own
// site behind that path (node1's apache listens on the VIP only, node2's on every address),
// auto_failback on, keepalive 200 ms, deadtime 1 s, bcast. A client on the bridge fetches
// http://VIP/ every 50 ms and reads which node served each page: the ground truth for "who serves".
// The tests are one story on one lab, in order (WebScenario): start, power cut, failback, a broken
// config, then resource monitoring (heartline.cf: apache checked every 2 s, one restart per 10 min):
// apache killed on the holder is restarted in place, killed again it goes to the peer.
/** Resource monitoring (docs/monitoring.md): apache checked every 2 s, one restart in place per 10 min. */
const MONITOR = 'monitor apache interval=2s restarts=1 window=10min\n';

const skip = e2eSkipReason({
  root: true,
  commands: ['ip', 'unshare', 'nsenter'],
  files: ['/usr/sbin/apache2', '/usr/lib/apache2/modules/mod_mpm_event.so', '/etc/mime.types'],
});

describe('the seed\'s web cluster (VIP + apache) on two Heartline nodes', { skip }, () => {
  let web: WebCluster;
  let daemons: [ClusterDaemon, ClusterDaemon];
  const fixture = new LabFixture({ nodes: 2 }, (built, f) => {
    daemons = [f.closeAfter(heartlineDaemon(built.node(1))), f.closeAfter(heartlineDaemon(built.node(2)))];
  });
  before(async () => {
    web = await WebCluster.create(fixture.lab, daemons, { listen: ['vip', 'all'], heartlineCf: MONITOR });
  });
  after(async () => {
    await web?.close();
  });
  const step = (body: (scenario: WebScenario) => Promise<unknown>) => (t: { diagnostic(line: string): void }) =>
    fixture.guard(async () => {
      await body(new WebScenario(web, (line) => t.diagnostic(line)));
    });

  test('ha config check: the VIP is agent-ipaddr\'s, apache::CONFIG and the seed\'s bare apache2 are agent-apache\'s', { timeout: 30_000 }, () =>
    fixture.guard(async () => {
      const node1 = web.node(1);
      const check = (dir: string) =>
        node1.exec(process.execPath, [join(repoRoot, 'packages/cli/bin/ha.js'), 'config', 'check', '--config-dir', dir], { allowFailure: true });
      const own = await check('/etc/ha.d');
      assert.equal(own.code, 0, own.stdout + own.stderr);
      assert.match(own.stdout, /haresources:1 10\.213\.0\.100 -> agent IPaddr \(@heartline\/agent-ipaddr\)/);
      assert.match(own.stdout, /haresources:1 10\.213\.0\.100 -> agent IPaddr \(@heartline\/agent-ipaddr\), monitored every 10 s \(agent default\)$/m);
      assert.match(own.stdout, /haresources:1 apache::\/etc\/ha\.d\/web\/httpd\.conf -> agent apache \(@heartline\/agent-apache\), monitored every 2 s \(heartline\.cf:1\)$/m);
      // The seed's own words, `node1 VIP apache2`, in a directory with no resource.d/apache2 (the escape hatch).
      const bare = join(node1.configDir, 'bare');
      mkdirSync(bare, { recursive: true });
      for (const f of ['ha.cf', 'authkeys']) copyFileSync(join(node1.configDir, f), join(bare, f));
      chmodSync(join(bare, 'authkeys'), 0o600);
      writeFileSync(join(bare, 'haresources'), `node1 ${web.vip} apache2\n`);
      const seed = await check('/etc/ha.d/bare');
      assert.match(seed.stdout, /haresources:1 apache2 -> agent apache2 \(@heartline\/agent-apache\)/, seed.stdout + seed.stderr);
    }));

  test('start: node1 serves the page through the VIP', { timeout: 45_000 }, step((s) => s.start()));

  test('power cut of node1: node2 serves the page', { timeout: 30_000 }, step((s) => s.powerCutOfNode1()));

  test('node1 back: the group fails back, apache stopped on node2 before the VIP goes, the VIP on node1 before apache', { timeout: 30_000 }, step((s) => s.node1Returns()));

  test('a broken apache config on node1: apache\'s own error in the log, the VIP rolled back on node1, node2 serves', { timeout: 75_000 }, step((s) => s.brokenConfigOnNode1()));

  test('kill -9 of apache on node2: monitoring restarts it in place, the VIP stays, node2 serves again', { timeout: 45_000 }, step((s) => s.apacheCrashHealedOn(2)));

  test('apache killed again on node2, its restart used up: node2 hands the group to node1, which serves', { timeout: 45_000 }, step((s) => s.apacheKeepsCrashingOn(2, 1)));
});
