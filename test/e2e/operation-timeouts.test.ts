import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { heartlineDaemon, type ClusterDaemon } from '../lib/ClusterDaemon.js';
import type { HeartlineProcess } from '../lib/HeartlineProcess.js';
import { LabFixture } from '../lib/LabFixture.js';
import type { LabNode } from '../lib/LabNode.js';
import { LSB_EVENTS_LOG, installLsbService, isLsbServiceRunning, readLsbEvents } from '../lib/LsbFixtures.js';
import type { NetnsLab } from '../lib/NetnsLab.js';
import { haresourcesOf } from '../lib/groupPlacement.js';
import { repoRoot } from '../lib/repoRoot.js';
import { sleep } from '../lib/sleep.js';
import { waitUntil } from '../lib/waitUntil.js';
import { writeBcastGroupConfig } from '../lib/writeBcastGroupConfig.js';

// One Heartline node (`ha start`) in a lab namespace, its peer node2 declared in ha.cf but never
// started (so node1 takes its group once initdead has passed), its group `hlfirst hlhang`: hlfirst is
// the LSB fixture service, hlhang a real init script whose start forks its daemon (`sleep 3601`)
// and then waits for ever for it to become ready. heartline.cf says `timeouts hlhang start=2s`.
// The node must kill the start's whole process group after 2 s (not the default 120 s), log the
// timeout with where it is set, stop hlfirst again, and leave the group stopped (no peer to take it).
const skip = e2eSkipReason({ root: true, commands: ['ip', 'unshare', 'nsenter'] });

const GROUPS = { node1: ['hlfirst', 'hlhang'] } as const;
const START_TIMEOUT_MS = 2000;
/** initdead (10 s) before node1 declares its absent peer dead and takes its group, with room to spare. */
const ACQUIRE_TIMEOUT_MS = 40_000;
/** The daemon the hanging start forks: the argument makes it findable among the node's processes. */
const DAEMON_ARGS = 'sleep 3601';

/** An init script whose start hangs after forking its daemon; stop kills what is left and says how many. */
const HANG_SCRIPT = `#!/bin/sh
### BEGIN INIT INFO
# Provides:          hlhang
# Short-Description: Heartline lab fixture: a start that never finishes
### END INIT INFO
EVENTS=/var/log/hlhang-events.log
daemons() {
	for p in /proc/[0-9]*; do
		[ "$(tr '\\0' ' ' < "$p/cmdline" 2>/dev/null)" = "${DAEMON_ARGS} " ] && echo "\${p#/proc/}"
	done
}
case "$1" in
start)
	echo "$(date +%s%3N) start-begin $$" >> "$EVENTS"
	${DAEMON_ARGS} </dev/null >/dev/null 2>&1 &
	wait
	echo "$(date +%s%3N) start-end" >> "$EVENTS"
	exit 0 ;;
stop)
	left=$(daemons | wc -l)
	for pid in $(daemons); do kill -KILL "$pid"; done
	echo "$(date +%s%3N) stop killed=$left" >> "$EVENTS"
	exit 0 ;;
status)
	if [ -n "$(daemons)" ]; then echo "hlhang is running"; exit 0; fi
	echo "hlhang is not running"
	exit 3 ;;
*)
	echo "usage: $0 {start|stop|status}" >&2
	exit 2 ;;
esac
`;

type HeartlineDaemon = ClusterDaemon & { readonly heartline: HeartlineProcess };

/** The node's processes that the hanging start left: its shell and its daemon. */
async function hangProcesses(node: LabNode): Promise<string[]> {
  const left: string[] = [];
  for (const pid of await node.pids()) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (cmdline === DAEMON_ARGS || /\/etc\/init\.d\/hlhang start$/.test(cmdline)) left.push(`${pid} ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return left;
}

function hangEvents(node: LabNode): string[] {
  const path = join(node.logDir, 'hlhang-events.log');
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ').slice(1).join(' ')) : [];
}

describe('resource operation timeouts: a real init script whose start hangs past heartline.cf\'s `timeouts NAME start=2s`', { skip }, () => {
  let lab: NetnsLab;
  let daemon: HeartlineDaemon;
  const fixture = new LabFixture({ nodes: 1 }, (built, f) => {
    lab = built;
    daemon = f.closeAfter(heartlineDaemon(built.node(1)));
  });

  test('the start is killed after 2 s with its process group, logged with where the timeout is set, and the group rolled back', { timeout: 90_000 }, (t) =>
    fixture.guard(async () => {
      const node = lab.node(1);
      writeBcastGroupConfig(lab, { nodes: ['node1', 'node2'], haresources: haresourcesOf(GROUPS), autoFailback: 'on' });
      installLsbService(node, 'hlfirst');
      writeFileSync(join(node.initDir, 'hlhang'), HANG_SCRIPT);
      chmodSync(join(node.initDir, 'hlhang'), 0o755);
      writeFileSync(join(node.configDir, 'heartline.cf'), `# Heartline only\ntimeouts hlhang start=${START_TIMEOUT_MS / 1000}s\n`);
      writeFileSync(join(node.logDir, LSB_EVENTS_LOG), '');
      writeFileSync(join(node.logDir, 'hlhang-events.log'), '');

      const check = await node.exec(process.execPath, [join(repoRoot, 'packages/cli/bin/ha.js'), 'config', 'check', '--config-dir', node.configDir], { allowFailure: true });
      assert.match(check.stdout, /hlhang -> agent \* \(script\) \(@heartline\/agent-lsb\), not monitored, start timeout 2 s \(heartline\.cf:2\)$/m, check.stdout);

      const mark = daemon.log.mark();
      await daemon.start();
      const running = await daemon.log.waitFor(/Running \/etc\/init\.d\/hlhang\s+start/, { from: mark, timeoutMs: ACQUIRE_TIMEOUT_MS });
      // While it hangs, its shell and its daemon are there to be found (so "none left" below means something).
      const duringHang = await waitUntil('the hanging start\'s shell and daemon to show', async () => {
        const found = await hangProcesses(node);
        return found.length === 2 ? found : undefined;
      }, { timeoutMs: START_TIMEOUT_MS - 200, intervalMs: 50 });
      t.diagnostic(`during the hang: ${duringHang.join('; ')}`);
      const killed = await daemon.log.waitFor(/hlhang start timed out after 2000 ms; its process group was killed/, { from: mark, timeoutMs: 20_000 });
      const failed = await daemon.log.waitFor(/RESOURCE_START_FAILED: hlhang timed out after 2000 ms/, { from: mark, timeoutMs: 5000 });
      assert.match(failed.text, /\(the start timeout 2 s is set by heartline\.cf:2 \('timeouts' line\); raise it there if hlhang needs longer\)/);
      const tookMs = killed.seenAtMs - running.seenAtMs;
      t.diagnostic(`hlhang start announced → killed after ${Math.round(tookMs)} ms (timeout ${START_TIMEOUT_MS} ms)`);
      assert.ok(tookMs >= START_TIMEOUT_MS - 100, `killed ${Math.round(tookMs)} ms after the start began, not before its timeout`);
      assert.ok(tookMs < 30_000, `killed ${Math.round(tookMs)} ms after the start began: the 2 s timeout applied, not the default 120 s`);

      // Rolled back: hlhang, then hlfirst, stopped again, right to left.
      await daemon.log.waitFor(/Giving up resources due to failure of hlhang/, { from: mark, timeoutMs: 5000 });
      const stoppedFirst = await waitForLsbStop(node, 'hlfirst');
      assert.deepEqual(readLsbEvents(node).map((e) => `${e.kind} ${e.service}`), ['start hlfirst', 'stop hlfirst']);
      assert.deepEqual(hangEvents(node).map((e) => e.replace(/ \d+$/, '')), ['start-begin', 'stop killed=0'], 'the start never finished; its daemon was already gone at the stop');
      assert.ok(stoppedFirst - killed.seenAtMs < 10_000, 'the rollback follows the kill');
      assert.deepEqual(await hangProcesses(node), [], 'no process of the hung start is left');

      // No peer to hand it to: the group stays stopped, and ha status says why.
      await sleep(1000);
      assert.deepEqual(await hangProcesses(node), []);
      const status = (await daemon.heartline.status()) as unknown as { resources?: { groups: Array<{ key: string; failure?: string }> } };
      const group = status.resources?.groups.find((g) => g.key === 'hlfirst');
      assert.equal(group?.failure, 'start of hlhang failed', JSON.stringify(status.resources));
      assert.equal(await isLsbServiceRunning(node, 'hlfirst'), false);

      await daemon.stop();
      assert.deepEqual(await hangProcesses(node), []);
    }),
  );
});

/** Waits until the fixture log has a `stop` of `service`; the performance.now() of that event. */
async function waitForLsbStop(node: LabNode, service: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const stop = readLsbEvents(node).find((e) => e.kind === 'stop' && e.service === service);
    if (stop !== undefined) return stop.atMs - performance.timeOrigin;
    await sleep(50);
  }
  throw new Error(`${node.name}: no stop of ${service} in ${LSB_EVENTS_LOG}: ${JSON.stringify(readLsbEvents(node))}`);
}
