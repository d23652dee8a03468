import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { waitUntil } from './waitUntil.js';

/** The verdaccio the repository pins (root devDependency, exactly 6.8.0: later ones want Node 22). */
const verdaccioBin = join(dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')), 'bin', 'verdaccio');
const USER = 'heartline-test';

/**
 * A real npm registry, verdaccio, on 127.0.0.1 with its storage in a temporary directory: no
 * uplinks (it never reaches out), anonymous reads, publishing by the one user it is started with
 * (`token`). Point only the scopes under test at it: everything else comes from the machine's own
 * registry. `stop` kills it (its process group, by PID) and removes the directory.
 */
export class VerdaccioRegistry {
  private constructor(
    /** Config, storage, htpasswd and verdaccio's log. */
    readonly dir: string,
    /** `http://127.0.0.1:PORT/`. */
    readonly url: string,
    /** What npm sends to publish (`//127.0.0.1:PORT/:_authToken=…`). */
    readonly token: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(): Promise<VerdaccioRegistry> {
    const dir = mkdtempSync(join(tmpdir(), 'hl-verdaccio-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 1',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      '    unpublish: $authenticated',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: json, level: http }',
      '',
    ].join('\n'));
    const port = await freePort();
    const log = openSync(join(dir, 'verdaccio.log'), 'a');
    // Its own process group, so that stop() ends it whatever it started.
    const child = spawn(process.execPath, [verdaccioBin, '--config', config, '--listen', `127.0.0.1:${port}`], { detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    const url = `http://127.0.0.1:${port}/`;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const logTail = () => readFileSync(join(dir, 'verdaccio.log'), 'utf8').slice(-2000);
    try {
      await waitUntil(`verdaccio to answer on ${url} (log: ${join(dir, 'verdaccio.log')})`, async () => {
        const ping = await fetch(`${url}-/ping`).catch(() => undefined);
        return ping?.ok === true ? true : undefined;
      }, {
        timeoutMs: 30_000,
        intervalMs: 100,
        guard: () => {
          if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}: ${logTail()}`);
        },
      });
      const created = await fetch(`${url}-/user/org.couchdb.user:${USER}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: USER, password: `${USER}-${port}` }),
      });
      const body = (await created.json()) as { token?: string; error?: string };
      if (body.token === undefined) throw new Error(`verdaccio refused to create ${USER}: ${created.status} ${JSON.stringify(body)}`);
      return new VerdaccioRegistry(dir, url, body.token, child);
    } catch (error) {
      killGroup(child, 'SIGKILL');
      await exited;
      throw error;
    }
  }

  /** The versions of `name` it holds. */
  async versions(name: string): Promise<string[]> {
    const response = await fetch(`${this.url}${name.replace('/', '%2f')}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (response.status === 404) return [];
    return Object.keys(((await response.json()) as { versions?: Record<string, unknown> }).versions ?? {});
  }

  /** Ends verdaccio (SIGTERM, then SIGKILL after 5 s) and removes its directory unless `keepFiles`. */
  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      killGroup(this.child, 'SIGTERM');
      const late = setTimeout(() => killGroup(this.child, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    }
    if (options.keepFiles !== true && existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // gone
  }
}

/** A TCP port free on 127.0.0.1 right now (the kernel's pick). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
