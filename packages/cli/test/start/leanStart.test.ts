import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeUdpPort } from '../helpers/freeUdpPort.js';
import { waitFor } from '../helpers/waitFor.js';
import { haBin, runHa, type HaRun } from '../runHa.js';

const probe = fileURLToPath(new URL('./loadedModulesProbe.js', import.meta.url));

/** `ha start ARGS` with `env` added, to its end, for errors and help. */
function haWith(args: readonly string[], env: Record<string, string>): Promise<HaRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [haBin, ...args], { timeout: 30_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

/**
 * Runs a one-node daemon (ucast to itself on loopback: nothing is sent) until `ha status` answers,
 * then returns the CommonJS modules it had loaded, and its exit code after SIGTERM.
 */
async function modulesOfRunningDaemon(dir: string, env: Record<string, string>): Promise<{ modules: string[]; code: number | null }> {
  const runDir = join(dir, 'run');
  const probeFile = join(dir, 'modules.json');
  rmSync(probeFile, { force: true });
  const child = spawn(
    process.execPath,
    [`--import=${probe}`, haBin, 'start', '--config-dir', join(dir, 'cfg'), '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', runDir],
    { stdio: 'ignore', env: { ...process.env, ...env, HEARTLINE_PROBE_FILE: probeFile } },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitFor('the daemon to answer ha status', async () => ((await runHa(['status', 'hbstatus', '--run-dir', runDir])).code === 0 ? true : undefined));
    child.kill('SIGUSR2');
    const modules = await waitFor('the probe file', () => (existsSync(probeFile) ? (JSON.parse(readFileSync(probeFile, 'utf8')) as string[]) : undefined));
    child.kill('SIGTERM');
    return { modules, code: await exited };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

describe('ha start without oclif (bin/ha.js lean path)', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hl-lean-start-'));
    const cfg = join(dir, 'cfg');
    mkdirSync(cfg, { recursive: true });
    const port = await freeUdpPort();
    writeFileSync(join(cfg, 'ha.cf'), `keepalive 1\ndeadtime 5\ninitdead 10\nudpport ${port}\nucast lo 127.0.0.1\nnode node1\nnode node2\n`);
    writeFileSync(join(cfg, 'authkeys'), 'auth 1\n1 sha1 lean-start-key\n');
    chmodSync(join(cfg, 'authkeys'), 0o600);
    writeFileSync(join(cfg, 'haresources'), '');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the daemon with no oclif module loaded, and leaves with exit 0', async () => {
    const lean = await modulesOfRunningDaemon(dir, {});
    assert.deepEqual(lean.modules.filter((f) => f.includes('/@oclif/')), []);
    assert.equal(lean.code, 0);
  });

  it('HEARTLINE_NO_LEAN_START=1 runs it through oclif (which the probe sees)', async () => {
    const oclif = await modulesOfRunningDaemon(dir, { HEARTLINE_NO_LEAN_START: '1' });
    assert.ok(oclif.modules.some((f) => f.includes('/@oclif/core/')), 'oclif is loaded');
    assert.equal(oclif.code, 0);
  });

  it('prints the same catalogued error, with the same exit code, on both paths', async () => {
    const args = ['start', '--config-dir', join(dir, 'absent'), '--node-name', 'node1', '--state-dir', join(dir, 'state'), '--run-dir', join(dir, 'run-absent')];
    const lean = await haWith(args, {});
    const oclif = await haWith(args, { HEARTLINE_NO_LEAN_START: '1' });
    assert.match(lean.stderr, /^error [A-Z_]+: /);
    assert.notEqual(lean.code, 0);
    assert.deepEqual(lean, oclif);
  });

  it('leaves help and command-line errors to oclif', async () => {
    const help = await haWith(['start', '--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.stdout, /USAGE[\s\S]*--config-dir/);
    const bad = await haWith(['start', '--bogus'], {});
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /bogus/);
  });
});
