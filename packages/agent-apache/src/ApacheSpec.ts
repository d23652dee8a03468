/** The haresources types this package serves. */
export type ApacheType = 'apache' | 'apache2' | 'httpd';

/**
 * One apache resource as haresources writes it (`apache::/etc/apache2/apache2.conf::name=value…`),
 * read but not yet resolved against the machine: what is left undefined takes the type's default.
 */
export interface ApacheSpec {
  readonly type: ApacheType;
  /** `configfile=`, or heartbeat's first argument. */
  readonly configFile: string | undefined;
  /** `httpd=`: the server binary. */
  readonly httpd: string | undefined;
  /** `options=`: extra command-line arguments, comma-separated in haresources. */
  readonly options: readonly string[];
  /** `statusurl=`: the URL that must answer 2xx; undefined: a GET on the first Listen. */
  readonly statusUrl: string | undefined;
  /** `envfiles=`: files of NAME=value lines; undefined: `envvars` beside the config file, if any. */
  readonly envFiles: readonly string[] | undefined;
  /** `NAME=value` arguments with an UPPER_CASE name: environment variables for apache. */
  readonly env: Readonly<Record<string, string>>;
  /** `graceful_ms=`: how long a graceful stop may take before SIGTERM, then SIGKILL. */
  readonly gracefulMs: number;
}
