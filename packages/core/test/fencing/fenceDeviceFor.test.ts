import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHaCf } from '../../src/config/parseHaCf.js';
import { fenceDeviceFor } from '../../src/fencing/fenceDeviceFor.js';
import { stonithLines } from '../../src/fencing/stonithLines.js';

const dir = mkdtempSync(join(tmpdir(), 'hl-fence-device-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const base = 'bcast eth0\nnode node1 node2\nauto_failback on\n';
const haCf = (extra: string) => {
  const { config, issues } = parseHaCf(`${base}${extra}`, join(dir, 'ha.cf'));
  assert.deepEqual(issues.filter((i) => i.severity === 'error'), []);
  return config;
};

describe('which STONITH device a node uses', () => {
  it('none configured: no device, no issue', async () => {
    assert.deepEqual(await fenceDeviceFor(haCf(''), 'node1', dir), { device: undefined, issues: [] });
  });

  it('stonith_host lines apply to the node they name or to every node (*); the last one that applies wins', async () => {
    const config = haCf('stonith_host * null node1 node2\nstonith_host NODE2 external/ipmi node1 10.0.0.1 admin secret\nstonith_host node3 ssh node1\n');
    assert.deepEqual(stonithLines(config, 'node1').map((l) => l.type), ['null']);
    const node1 = await fenceDeviceFor(config, 'node1', dir);
    assert.equal(node1.device?.type, 'null');
    assert.equal(node1.device?.params, 'node1 node2');
    assert.equal(node1.device?.source, 'stonith_host * null');
    const node2 = await fenceDeviceFor(config, 'node2', dir);
    assert.deepEqual(node2.device, {
      type: 'external/ipmi',
      params: 'node1 10.0.0.1 admin secret',
      where: { file: join(dir, 'ha.cf'), line: 5, column: 20 },
      source: 'stonith_host node2 external/ipmi',
    });
    assert.equal(stonithLines(config).length, 3, 'every line, for ha config check');
  });

  it('stonith TYPE FILE: the parameters are the first line of the file that is not empty or a comment (a relative file is in the configuration directory)', async () => {
    writeFileSync(join(dir, 'ssh.cfg'), '# the nodes ssh may reset\n\nnode1 node2\nignored second line\n');
    const { device, issues } = await fenceDeviceFor(haCf('stonith_host * null node1\nstonith ssh ssh.cfg\n'), 'node1', dir);
    assert.deepEqual(issues, []);
    assert.deepEqual(device, { type: 'ssh', params: 'node1 node2', where: { file: join(dir, 'ha.cf'), line: 5, column: 9 }, source: 'stonith ssh ssh.cfg' });
  });

  it('a stonith file that is missing, or holds only comments, is an issue at the ha.cf line', async () => {
    const missing = await fenceDeviceFor(haCf('stonith ssh /nonexistent/ssh.cfg\n'), 'node1', dir);
    assert.equal(missing.device, undefined);
    assert.deepEqual(missing.issues.map((i) => `${i.line}:${i.code}`), ['4:CONFIG_FILE_NOT_FOUND']);
    assert.match(missing.issues[0]!.message, /^stonith ssh \/nonexistent\/ssh\.cfg: /);
    writeFileSync(join(dir, 'empty.cfg'), '# nothing\n\n');
    const empty = await fenceDeviceFor(haCf(`stonith ssh ${join(dir, 'empty.cfg')}\n`), 'node1', dir);
    assert.deepEqual(empty.issues.map((i) => `${i.line}:${i.code}`), ['4:FENCE_BAD_PARAMETERS']);
  });
});
