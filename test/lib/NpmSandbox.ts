import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerdaccioRegistry } from './VerdaccioRegistry.js';
import { runCommand, type CommandResult } from './runCommand.js';

/**
 * npm and an installed `ha` kept away from the machine's own: a temporary HOME, XDG directories
 * (oclif's data directory, where `ha plugins install` puts plugins), npm global prefix, npmrc and
 * npm cache, all removed with the sandbox. The npmrc is the user's own plus the given scopes
 * pointed at a local registry, so everything else installs from the machine's usual registry.
 */
export class NpmSandbox {
  private constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(registry: Pick<VerdaccioRegistry, 'url' | 'token'>, scopes: readonly string[]): Promise<NpmSandbox> {
    const base = cleanEnv();
    const dir = mkdtempSync(join(tmpdir(), 'hl-npm-'));
    const userConfig = (await runCommand('npm', ['config', 'get', 'userconfig'], { env: base })).stdout.trim();
    const host = new URL(registry.url).host;
    const npmrc = [
      existsSync(userConfig) ? readFileSync(userConfig, 'utf8') : '',
      ...scopes.map((scope) => `${scope}:registry=${registry.url}`),
      `//${host}/:_authToken=${registry.token}`,
      'update-notifier=false',
      'fund=false',
      'audit=false',
      '',
    ].join('\n');
    for (const sub of ['home', 'data', 'config', 'cache', 'npm-cache', 'prefix', 'work']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'npmrc'), npmrc);
    const env = {
      ...base,
      HOME: join(dir, 'home'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_CACHE_HOME: join(dir, 'cache'),
      npm_config_userconfig: join(dir, 'npmrc'),
      npm_config_cache: join(dir, 'npm-cache'),
    };
    return new NpmSandbox(dir, env);
  }

  /** npm's global prefix for `npm install -g` here. */
  get prefix(): string {
    return join(this.dir, 'prefix');
  }

  /** The installed CLI's entry point (what `<prefix>/bin/ha` links to). */
  get haScript(): string {
    return join(this.prefix, 'lib', 'node_modules', '@heartline', 'cli', 'bin', 'ha.js');
  }

  /** oclif's data directory of the installed `ha` (its plugins' package.json and node_modules). */
  get haDataDir(): string {
    return join(this.dir, 'data', 'heartline');
  }

  npm(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CommandResult> {
    return runCommand('npm', args, { env: this.env, cwd: options.cwd ?? join(this.dir, 'work'), allowFailure: true, timeoutMs: options.timeoutMs ?? 120_000 });
  }

  /** The installed `ha` with ARGS, as the sandbox's user (its HOME, data directory and npmrc). */
  ha(args: readonly string[], timeoutMs = 120_000): Promise<CommandResult> {
    return runCommand(process.execPath, [this.haScript, ...args], { env: this.env, cwd: join(this.dir, 'work'), allowFailure: true, timeoutMs });
  }

  /** `env VAR=… node ha.js`: the installed `ha` for a lab node, which does not inherit this environment. */
  haCommand(): [string, ...string[]] {
    const keys = ['HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'npm_config_userconfig', 'npm_config_cache'];
    return ['env', ...keys.map((k) => `${k}=${this.env[k] ?? ''}`), process.execPath, this.haScript];
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** This process's environment without what `npm test` and node:test set for their own children. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && !['INIT_CWD', 'NODE_TEST_CONTEXT', 'NODE_OPTIONS'].includes(key)),
  );
}
