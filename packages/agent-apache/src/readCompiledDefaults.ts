import { basename } from 'node:path';
import type { CompiledDefaults } from './CompiledDefaults.js';

/**
 * `httpd -V`'s `-D HTTPD_ROOT="…"`, `-D DEFAULT_PIDLOG="…"`, `-D DEFAULT_ERRORLOG="…"`; what it
 * does not say comes from `guess` (the layout the binary's name suggests).
 */
export function readCompiledDefaults(versionOutput: string | undefined, binary: string): CompiledDefaults {
  const guess = guessCompiledDefaults(binary);
  const value = (name: string): string | undefined => new RegExp(`-D ${name}="([^"]*)"`).exec(versionOutput ?? '')?.[1];
  return {
    httpdRoot: value('HTTPD_ROOT') ?? guess.httpdRoot,
    defaultPidLog: value('DEFAULT_PIDLOG') ?? guess.defaultPidLog,
    defaultErrorLog: value('DEFAULT_ERRORLOG') ?? guess.defaultErrorLog,
  };
}

/** Debian's build for `apache2`, Red Hat's for anything else. */
function guessCompiledDefaults(binary: string): CompiledDefaults {
  return basename(binary) === 'apache2'
    ? { httpdRoot: '/etc/apache2', defaultPidLog: '/run/apache2.pid', defaultErrorLog: 'logs/error_log' }
    : { httpdRoot: '/etc/httpd', defaultPidLog: 'run/httpd.pid', defaultErrorLog: 'logs/error_log' };
}
