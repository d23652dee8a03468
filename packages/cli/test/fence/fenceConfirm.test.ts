import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FailoverStatus } from '@heartline/core';
import { freeUdpPort } from '../helpers/freeUdpPort.js';
import { waitFor } from '../helpers/waitFor.js';
import { runHa } from '../runHa.js';
import { startLoopbackDaemon, stopLoopbackDaemon, type LoopbackDaemon } from '../helpers/loopbackDaemon.js';

/** docs/control-protocol.md's rows for `resources.fencing…`: path → type and whether always present. */
function documentedFencingFields(): Map<string, { type: string; always: boolean }> {
  const text = readFileSync(new URL('../../../../../docs/control-protocol.md', import.meta.url), 'utf8');
  const rows = new Map<string, { type: string; always: boolean }>();
  for (const m of text.matchAll(/^\| `(resources\.fencing[^`]*)` \| (\w+)[^|]* \| (always|optional) \|/gm)) {
    rows.set(m[1] ?? '', { type: m[2] ?? '', always: m[3] === 'always' });
  }
  return rows;
}

/** Every value of `value` by documented path (`a.b`, `a[]` for elements). */
function paths(value: unknown, path: string, out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  out.set(path, [...(out.get(path) ?? []), value]);
  if (Array.isArray(value)) for (const v of value) paths(v, `${path}[]`, out);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) paths(v, `${path}.${k}`, out);
  return out;
}

// A real daemon on loopback with the meatware STONITH device: node2 is never heard, so at initdead
// node1 declares it dead and, node2 possibly holding its group, must reset it before taking the
// group. The reset waits for an operator: `ha fence confirm node2` through admin.sock.
describe('ha fence confirm: a meatware reset waits for the operator, then the group is taken over (a real daemon on loopback)', () => {
  let dir = '';
  let daemon: LoopbackDaemon | undefined;
  const runDir = (): string => join(dir, 'run');
  const resources = async (): Promise<FailoverStatus | undefined> => {
    const r = await runHa(['status', '--json', '--run-dir', runDir()]);
    return r.code === 0 ? (JSON.parse(r.stdout) as { resources?: FailoverStatus }).resources : undefined;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-fence-confirm-'));
    const port = await freeUdpPort();
    const cfg = join(dir, 'cfg');
    mkdirSync(join(cfg, 'resource.d'), { recursive: true });
    mkdirSync(join(dir, 'init.d'));
    writeFileSync(
      join(cfg, 'ha.cf'),
      `keepalive 200ms\ndeadtime 1\ninitdead 2\nudpport ${port}\nucast lo 127.0.0.1\nauto_failback on\nnode node1\nnode node2\nstonith_host * meatware node1 node2\n`,
    );
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 fence-confirm-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), 'node2 hlfenced\n');
    const state = join(dir, 'service');
    writeFileSync(
      join(cfg, 'resource.d', 'hlfenced'),
      `#!/bin/sh\ncase "$1" in\n  start) touch '${state}.running' ;;\n  stop) rm -f '${state}.running' ;;\n` +
        `  status) if [ -e '${state}.running' ]; then echo running; else echo stopped; fi ;;\nesac\nexit 0\n`,
    );
    chmodSync(join(cfg, 'resource.d', 'hlfenced'), 0o755);
    daemon = startLoopbackDaemon(cfg, dir, runDir());
  });

  after(async () => {
    await stopLoopbackDaemon(daemon);
    rmSync(dir, { recursive: true, force: true });
  });

  it('node2 is not taken before the confirmation; a confirmation for a node nobody resets is refused; then the takeover', async () => {
    const waiting = await waitFor('node1 to wait for a confirmation of node2', async () => {
      const r = await resources();
      return r?.fencing?.resets[0]?.awaitingConfirmation === true ? r : undefined;
    }, 20_000);
    assert.equal(waiting.fencing?.device, 'meatware');
    assert.equal(waiting.fencing?.resets[0]?.node, 'node2');
    assert.equal(waiting.groups[0]?.heldHere, false, 'node2\'s group is not taken while its reset waits');
    const documented = documentedFencingFields();
    const sent = paths(waiting.fencing, 'resources.fencing');
    for (const [path, values] of sent) {
      const doc = documented.get(path);
      assert.ok(doc !== undefined, `${path} is sent but docs/control-protocol.md does not list it`);
      for (const v of values) assert.equal(Array.isArray(v) ? 'array' : typeof v, doc.type, path);
    }
    for (const [path, doc] of documented) {
      const parent = path.endsWith('[]') ? path.slice(0, -2) : path.slice(0, path.lastIndexOf('.'));
      if (doc.always && sent.has(parent)) assert.ok(sent.has(path), `${path} is documented as always present but was not sent`);
    }
    assert.match(daemon?.stderr ?? '', /CRIT: OPERATOR INTERVENTION REQUIRED to reset node2\./);
    assert.match(daemon?.stderr ?? '', /CRIT: Run "ha fence confirm node2" AFTER power-cycling the machine\./);
    const text = await runHa(['status', '--run-dir', runDir()]);
    assert.match(text.stdout, /stonith: \[meatware\], last check OK at \S+\n\tresetting node2 since \S+ \(attempt 1\); waits for: ha fence confirm node2;/);

    const wrong = await runHa(['fence', 'confirm', 'node3', '--run-dir', runDir()]);
    assert.equal(wrong.code, 69, wrong.stdout + wrong.stderr);
    assert.match(wrong.stderr, /^error FENCE_NOT_WAITING: no reset of node3 waits for a confirmation \(waiting: node2\)/);

    const confirm = await runHa(['fence', 'confirm', 'node2', '--run-dir', runDir()]);
    assert.equal(confirm.code, 0, confirm.stdout + confirm.stderr);
    assert.equal(confirm.stdout, 'Confirmed: node2 was reset; its resource groups are taken over.\n');
    const taken = await waitFor('node1 to take node2\'s group', async () => {
      const r = await resources();
      return r?.groups[0]?.heldHere === true && r.fencing?.resets.length === 0 ? r : undefined;
    });
    assert.equal(taken.fencing?.lastCheck?.ok, true);
    await waitFor('"node node2 now reset." in the log', () => (/info: node node2 now reset\./.test(daemon?.stderr ?? '') ? true : undefined));
    assert.match(daemon?.stderr ?? '', /info: node Meatware-reset: node2/);
    const again = await runHa(['fence', 'confirm', 'node2', '--run-dir', runDir()]);
    assert.equal(again.code, 69, 'nothing waits any more: a confirmation is never kept for later');
  });
});
