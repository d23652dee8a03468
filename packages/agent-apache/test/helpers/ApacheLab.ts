import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { VethPair } from '@heartline/core/testing';

const run = promisify(execFile);

/** Every namespace of these tests starts with this; then the creating process's PID in base 36. */
export const NS_PREFIX = 'hlap';
const MODULES = '/usr/lib/apache2/modules';

/**
 * Two network namespaces joined by a veth pair created directly inside them (nothing appears in the
 * root namespace): the server side `a` (hla0, 10.213.0.101/24), where the agents and apache run,
 * and a client `b` (hla1, 10.213.0.102/24). IPv6 is off in both. A private apache config lives in a
 * temp dir: it listens on 10.213.0.101:80, serves a page naming the test, and keeps its pid file,
 * logs, lock and run dirs in the temp dir (their paths in an `envvars` beside the config, as
 * Debian's); `broken.conf` is the same with a directive apache does not know.
 */
export class ApacheLab extends VethPair {
  readonly address = '10.213.0.101';
  readonly dir = mkdtempSync(join(tmpdir(), 'hlap-'));
  readonly page = `heartline agent-apache netns test ${process.pid}\n`;
  readonly pidFile = join(this.dir, 'run', 'apache2.pid');
  /** The resource as haresources writes it: the config, and the pages' directory as an environment variable. */
  readonly resource = `apache::${this.dir}/httpd.conf::HLAP_PAGES=${this.dir}/www`;
  readonly broken = `apache::${this.dir}/broken.conf::HLAP_PAGES=${this.dir}/www`;

  writeConfig(): void {
    chmodSync(this.dir, 0o755); // apache's children run as www-data and read the pages below it
    mkdirSync(join(this.dir, 'www'));
    writeFileSync(join(this.dir, 'www', 'index.html'), this.page);
    const runDir = join(this.dir, 'run');
    writeFileSync(
      join(this.dir, 'envvars'),
      [
        '# what Debian keeps in /etc/apache2/envvars, for this test\'s private apache',
        'export APACHE_RUN_USER=www-data',
        'export APACHE_RUN_GROUP=www-data',
        `export APACHE_RUN_DIR=${runDir}`,
        'export APACHE_PID_FILE=$APACHE_RUN_DIR/apache2.pid',
        `export APACHE_LOCK_DIR=${join(this.dir, 'lock')}`,
        `export APACHE_LOG_DIR=${join(this.dir, 'log')}`,
        '',
      ].join('\n'),
    );
    const config = [
      `ServerRoot ${this.dir}`,
      'ServerName hlap-test',
      `LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so`,
      `LoadModule authz_core_module ${MODULES}/mod_authz_core.so`,
      `LoadModule dir_module ${MODULES}/mod_dir.so`,
      `LoadModule mime_module ${MODULES}/mod_mime.so`,
      'StartServers 1',
      `Listen ${this.address}:80`,
      'DefaultRuntimeDir ${APACHE_RUN_DIR}',
      'PidFile ${APACHE_PID_FILE}',
      'Mutex file:${APACHE_LOCK_DIR} default',
      'ErrorLog ${APACHE_LOG_DIR}/error.log',
      'User ${APACHE_RUN_USER}',
      'Group ${APACHE_RUN_GROUP}',
      'TypesConfig /etc/mime.types',
      'DocumentRoot ${HLAP_PAGES}',
      '<Directory ${HLAP_PAGES}>',
      '  Require all granted',
      '</Directory>',
      'DirectoryIndex index.html',
      '',
    ].join('\n');
    writeFileSync(join(this.dir, 'httpd.conf'), config);
    writeFileSync(join(this.dir, 'broken.conf'), config.replace('DirectoryIndex', 'Bogus directive\nDirectoryIndex'));
  }

  constructor() {
    super(NS_PREFIX, { a: { iface: 'hla0', cidr: '10.213.0.101/24' }, b: { iface: 'hla1', cidr: '10.213.0.102/24' } });
  }

  override async create(): Promise<void> {
    this.writeConfig();
    await super.create();
  }

  /** GET / from the client namespace: the page, or undefined when nothing answers within 2 s. */
  async fetch(): Promise<string | undefined> {
    try {
      return (await run('ip', ['netns', 'exec', this.b, 'curl', '-sf', '-m', '2', `http://${this.address}/`])).stdout;
    } catch {
      return undefined;
    }
  }

  /** The listening TCP sockets of the server namespace on port 80 (`ss -Hltn`). */
  async listeners(): Promise<string[]> {
    const { stdout } = await run('ip', ['netns', 'exec', this.a, 'ss', '-Hltn', 'sport = :80']);
    return stdout.split('\n').filter((l) => l.trim() !== '');
  }

  /** The live apache processes of the server namespace (zombies left out), by PID. */
  async apaches(): Promise<number[]> {
    return (await this.pids(this.a)).filter((pid) => /^\d+ \(apache2\) [^Z]/.test(readStat(pid))).sort((x, y) => x - y);
  }

  /** The main process's pid, from the pid file. */
  mainPid(): number | undefined {
    try {
      return Number(readFileSync(this.pidFile, 'utf8').trim());
    } catch {
      return undefined;
    }
  }

  errorLog(): string {
    try {
      return readFileSync(join(this.dir, 'log', 'error.log'), 'utf8');
    } catch {
      return '';
    }
  }

  removeFiles(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function readStat(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}
