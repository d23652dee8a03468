/** What an apache binary was built with (`httpd -V`): where relative paths and missing directives lead. */
export interface CompiledDefaults {
  /** HTTPD_ROOT: the ServerRoot unless the config or `-d` says otherwise. */
  readonly httpdRoot: string;
  /** DEFAULT_PIDLOG: the pid file without a PidFile directive. */
  readonly defaultPidLog: string;
  /** DEFAULT_ERRORLOG: the error log without an ErrorLog directive. */
  readonly defaultErrorLog: string;
}
