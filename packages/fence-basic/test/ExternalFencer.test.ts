import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecaCommandRunner, MemorySink } from '@heartline/core';
import { fenceContext, fenceDevice } from '@heartline/core/testing';
import { ExternalFencer } from '../src/ExternalFencer.js';

const pluginDir = mkdtempSync(join(tmpdir(), 'hl-stonith-plugins-'));
mkdirSync(join(pluginDir, 'external'));
after(() => rmSync(pluginDir, { recursive: true, force: true }));
const runner = new ExecaCommandRunner(undefined, { killGraceMs: 200 });
const fencer = new ExternalFencer();

/** Writes `<pluginDir>/external/NAME`: a plugin in the style of cluster-glue's, recording each call's arguments and environment. */
function plugin(name: string, body: string, mode = 0o755): string {
  const path = join(pluginDir, 'external', name);
  writeFileSync(path, `#!/bin/sh\necho "$* ipaddr=$ipaddr userid=$userid passwd=$passwd tag=$HA_LOGTAG host=$HA_CURHOST path=\${PATH%%:*}" >> ${path}.calls\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

/** Killed, whether or not something reaped it yet. */
function goneOrZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

const calls = (path: string): string[] => readFileSync(`${path}.calls`, 'utf8').trim().split('\n');

const ipmiLike = `case "$1" in
  getconfignames) echo "ipaddr userid passwd"; exit 0 ;;
  gethosts) echo node1; exit 0 ;;
  status) exit 0 ;;
  reset) echo "power cycling $2 via $ipaddr"; [ "$2" = node1 ] && exit 0; exit 1 ;;
  *) exit 1 ;;
esac`;

const context = (type: string, params: string, extra: Parameters<typeof fenceContext>[2] = {}) =>
  fenceContext(runner, fenceDevice(type, params), { stonithPluginDir: pluginDir, env: { HA_CURHOST: 'node2' }, ...extra });

describe('external/NAME: cluster-glue external plugin scripts', () => {
  it('serves every external/NAME', () => {
    assert.equal(fencer.type, 'external/*');
  });

  it('reset: `NAME reset HOST` with the positional parameters as environment variables named by getconfignames; exit 0 is a reset', async () => {
    const path = plugin('ipmilike', ipmiLike);
    const sink = new MemorySink();
    const result = await fencer.reset('node1', context('external/ipmilike', '10.0.0.9 admin my secret', { sink }));
    assert.deepEqual(result, { status: 'ok' });
    assert.deepEqual(calls(path), [
      'getconfignames ipaddr= userid= passwd= tag=external/ipmilike host=node2 path=/usr/share/cluster-glue',
      'reset node1 ipaddr=10.0.0.9 userid=admin passwd=my secret tag=external/ipmilike host=node2 path=/usr/share/cluster-glue',
    ]);
    assert.ok(sink.records.some((r) => r.level === 'info' && r.message === 'external/ipmilike reset node1: power cycling node1 via 10.0.0.9'), 'its output is logged');
  });

  it('reset: any other exit is a failed reset (result=bad) with cluster-glue\'s words and the plugin\'s last line', async () => {
    const path = plugin('ipmifail', ipmiLike);
    const result = await fencer.reset('node3', context('external/ipmifail', '10.0.0.9 admin pw'));
    assert.deepEqual(result, { status: 'failed', result: 'bad', reason: `'${path} reset node3' failed with rc 1: power cycling node3 via 10.0.0.9` });
  });

  it('status: `NAME status`, exit 0 is a working device', async () => {
    plugin('statusok', ipmiLike);
    assert.deepEqual(await fencer.status(context('external/statusok', '10.0.0.9 admin pw')), { status: 'ok' });
    plugin('statusbad', 'case "$1" in getconfignames) echo hostlist ;; status) echo "no answer from the PDU" >&2; exit 2 ;; esac');
    const bad = await fencer.status(context('external/statusbad', 'node1'));
    assert.equal(bad.status, 'failed');
    assert.match(bad.status === 'failed' ? bad.reason : '', /status' failed with rc 2: no answer from the PDU$/);
  });

  it('a plugin that hangs is killed with its process group when the reset runs out of time', async () => {
    const path = plugin('hangs', 'case "$1" in getconfignames) echo hostlist ;; reset) sleep 30 & echo $! > "$0.child"; wait ;; esac');
    const started = performance.now();
    const result = await fencer.reset('node1', context('external/hangs', 'node1', { timeoutMs: 500 }));
    assert.ok(performance.now() - started < 5000, 'it did not wait for the sleep');
    assert.equal(result.status, 'failed');
    assert.match(result.status === 'failed' ? result.reason : '', /did not finish within 500 ms \(its process group was killed\)/);
    const child = Number(readFileSync(`${path}.child`, 'utf8'));
    assert.ok(goneOrZombie(child), 'the plugin\'s own child is gone too');
  });

  it('validate: the script must exist, be executable and writable by its owner only (cluster-glue refuses it otherwise)', async () => {
    const v = (type: string, params = 'node1') => fencer.validate(fenceDevice(type, params), { stonithPluginDir: pluginDir, commands: runner, env: {} });
    assert.deepEqual(await v('external/nosuch'), [
      {
        file: '/etc/ha.d/ha.cf',
        line: 1,
        column: 16,
        code: 'FENCE_PLUGIN_MISSING',
        severity: 'error',
        message: `stonith_host * external/nosuch: ${join(pluginDir, 'external', 'nosuch')} cannot be used: ENOENT`,
        hint: 'Install the script as <plugin dir>/external/NAME (default /usr/lib/stonith/plugins/external), a regular file, executable, not writable by group or others.',
      },
    ]);
    plugin('groupwritable', ipmiLike, 0o775);
    assert.match((await v('external/groupwritable'))[0]?.message ?? '', /writable by group or others \(mode 775\)/);
    plugin('notexec', ipmiLike, 0o644);
    assert.match((await v('external/notexec'))[0]?.message ?? '', /is not executable$/);
    assert.match((await v('external/../x'))[0]?.message ?? '', /is not external\/NAME with a plain file name/);
  });

  it('validate: the line must give a value for every name getconfignames lists; a plugin whose getconfignames fails is unusable', async () => {
    plugin('needs3', ipmiLike);
    const v = (type: string, params: string) => fencer.validate(fenceDevice(type, params), { stonithPluginDir: pluginDir, commands: runner, env: {} });
    assert.deepEqual(await v('external/needs3', '10.0.0.9 admin pw'), []);
    const short = await v('external/needs3', '10.0.0.9 admin');
    assert.deepEqual(short.map((i) => i.code), ['FENCE_BAD_PARAMETERS']);
    assert.match(short[0]!.message, /external\/needs3 takes 3 parameter\(s\), in this order: ipaddr userid passwd; the line gives 2$/);
    plugin('noconfig', 'exit 3');
    assert.deepEqual((await v('external/noconfig', 'x')).map((i) => i.code), ['FENCE_PLUGIN_MISSING']);
    const failed = await fencer.reset('node1', context('external/needs3', '10.0.0.9'));
    assert.equal(failed.status, 'failed', 'a reset with too few parameters fails too');
  });
});
