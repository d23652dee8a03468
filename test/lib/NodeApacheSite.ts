import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabNode } from './LabNode.js';

const MODULES = '/usr/lib/apache2/modules';
/** Where the site lives as the node sees it: its own /etc/ha.d (LabNode binds it there). */
const SITE_DIR = '/etc/ha.d/web';
const BROKEN_LINE = 'Bogus directive';

/** What a page served by this site looks like; `served by NODE` is what WebClient reads. */
export const SERVED_BY = /served by ([a-z0-9._-]+)/;

/**
 * One lab node's own apache site, as the agent-apache netns test writes one (test/helpers/ApacheLab),
 * but inside the node: the same path on every node, `/etc/ha.d/web/httpd.conf`, is a different file on
 * each (a node's /etc/ha.d is its own), so one haresources line `node1 VIP apache::/etc/ha.d/web/httpd.conf`
 * serves every node, as in the seed. The page names the node; the pid file is in the node's /run
 * (emptied by a power cut, as a tmpfs is), the error log in its /var/log.
 *
 * Paths are written out, not taken from an `envvars` beside the config: heartbeat's OCF apache agent
 * reads Debian's /etc/apache2/envvars whatever the config, so `${APACHE_RUN_DIR}` would point a
 * heartbeat node at the host's /run/apache2. Its monitor greps the page for `</html>`: the page has it.
 */
export class NodeApacheSite {
  /** The config as the node sees it: what haresources names. */
  readonly configFile = `${SITE_DIR}/httpd.conf`;
  /** `apache::CONFIG`, heartbeat's form. */
  readonly resource = `apache::${this.configFile}`;

  constructor(
    readonly node: LabNode,
    /** `Listen ADDRESS:80`, or `Listen 80` (every address of the node) when undefined. */
    readonly listenAddress: string | undefined,
  ) {}

  /** Host path of the site's directory (the node's /etc/ha.d/web). */
  get dir(): string {
    return join(this.node.configDir, 'web');
  }

  get configPath(): string {
    return join(this.dir, 'httpd.conf');
  }

  /** Host path of the pid file (in the node's /run). */
  get pidFile(): string {
    return join(this.node.runDir, 'apache2-web.pid');
  }

  /** Host path of apache's error log (in the node's /var/log). */
  get errorLog(): string {
    return join(this.node.logDir, 'apache2-web', 'error.log');
  }

  get page(): string {
    return `<html><head><title>${this.node.name}</title></head><body>served by ${this.node.name}</body></html>\n`;
  }

  /** Writes the config, the page and the log directory; a working config (undoes `break`). */
  write(): void {
    mkdirSync(join(this.dir, 'www'), { recursive: true, mode: 0o755 });
    mkdirSync(join(this.node.logDir, 'apache2-web'), { recursive: true });
    writeFileSync(join(this.dir, 'www', 'index.html'), this.page);
    writeFileSync(this.configPath, this.config().join('\n'));
  }

  /** Puts a directive apache does not know into the config; returns its line number (apache's AH00526 names it). */
  break(): number {
    const lines = this.config();
    const at = lines.indexOf('DirectoryIndex index.html');
    lines.splice(at, 0, BROKEN_LINE);
    writeFileSync(this.configPath, lines.join('\n'));
    return at + 1;
  }

  errorLogText(): string {
    return existsSync(this.errorLog) ? readFileSync(this.errorLog, 'utf8') : '';
  }

  /** Whether the pid file is there (apache removes it on a clean stop; a power cut empties /run). */
  hasPidFile(): boolean {
    return existsSync(this.pidFile);
  }

  /**
   * Host PIDs of the node's apache2 processes run with this site's config (`-f CONFIG` on their
   * command line, which the children inherit); none while it does not run, or the node is off.
   */
  async apaches(): Promise<number[]> {
    return (await this.node.pidsNamed('apache2')).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(this.configFile);
      } catch {
        return false;
      }
    });
  }

  /**
   * `kill -9` of every apache process of this site (an apache crash), again until none is left: a
   * worker forked while the first list was read would keep serving. Returns when the first signal
   * was sent (performance.now()).
   */
  async crash(): Promise<number> {
    let pids = await this.apaches();
    if (pids.length === 0) throw new Error(`${this.node.name}: no apache of ${this.configFile} to kill`);
    const at = performance.now();
    for (let round = 0; pids.length > 0; round++) {
      if (round === 20) throw new Error(`${this.node.name}: apache processes ${pids.join(' ')} survive kill -9`);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone with its parent
        }
      }
      pids = await this.apaches();
    }
    return at;
  }

  private config(): string[] {
    return [
      `# ${this.node.name}'s web site, written by the Heartline test harness (NodeApacheSite)`,
      `ServerRoot ${SITE_DIR}`,
      `ServerName ${this.node.name}`,
      `LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so`,
      `LoadModule authz_core_module ${MODULES}/mod_authz_core.so`,
      `LoadModule dir_module ${MODULES}/mod_dir.so`,
      `LoadModule mime_module ${MODULES}/mod_mime.so`,
      'StartServers 1',
      `Listen ${this.listenAddress === undefined ? '80' : `${this.listenAddress}:80`}`,
      'DefaultRuntimeDir /run',
      'PidFile /run/apache2-web.pid',
      'Mutex file:/run/lock default',
      'ErrorLog /var/log/apache2-web/error.log',
      'User www-data',
      'Group www-data',
      'TypesConfig /etc/mime.types',
      `DocumentRoot ${SITE_DIR}/www`,
      `<Directory ${SITE_DIR}/www>`,
      '  Require all granted',
      '</Directory>',
      'DirectoryIndex index.html',
      '',
    ];
  }
}
