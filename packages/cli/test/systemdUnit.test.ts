import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { haBin, runHa } from './runHa.js';

const cliRoot = fileURLToPath(new URL('../../', import.meta.url));
const hasAnalyze = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;

describe('ha systemd unit', () => {
  it('prints the shipped unit with ExecStart running this ha, and the package ships the file', async () => {
    const shipped = readFileSync(join(cliRoot, 'systemd', 'heartline.service'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('systemd'), 'package.json files holds systemd/');
    const r = await runHa(['systemd', 'unit']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, shipped.replace(/^ExecStart=.*$/m, `ExecStart=${process.execPath} ${haBin} start`));
    for (const setting of ['Type=notify', 'NotifyAccess=all', 'ExecReload=/bin/kill -HUP $MAINPID', 'KillMode=mixed', 'Restart=on-failure', 'RestartSec=60s']) {
      assert.ok(r.stdout.split('\n').includes(setting), setting);
    }
    const custom = await runHa(['systemd', 'unit', '--config-dir', '/srv/ha d']);
    assert.match(custom.stdout, /^ExecStart=\S+ \S+ start --config-dir "\/srv\/ha d"$/m);
  });

  it('passes systemd-analyze verify', { skip: hasAnalyze ? false : 'systemd-analyze is not installed (Debian package systemd)' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-unit-'));
    try {
      const unit = join(dir, 'heartline.service');
      writeFileSync(unit, (await runHa(['systemd', 'unit'])).stdout);
      const result = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
      // verify also reports problems of other units on the machine: only our unit's lines count.
      const ours = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.includes('heartline.service'));
      assert.deepEqual(ours, [], `systemd-analyze verify: ${result.stderr}`);
      assert.equal(result.status, 0, result.stderr);
      // A unit whose ExecStart does not exist is what verify catches: the check can fail.
      writeFileSync(unit, execFileSync(process.execPath, [haBin, 'systemd', 'unit'], { encoding: 'utf8' }).replace(/^ExecStart=\S+/m, 'ExecStart=/nonexistent/node'));
      assert.notEqual(spawnSync('systemd-analyze', ['verify', unit]).status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
