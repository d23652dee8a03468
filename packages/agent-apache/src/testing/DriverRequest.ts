/** One request to the agent driver: an operation on a haresources resource token. */
export interface DriverRequest {
  readonly id: number;
  readonly op: 'start' | 'stop' | 'status' | 'validate';
  /** As written in haresources: `apache::/tmp/x/httpd.conf::APACHE_LOG_DIR=/tmp/x/log`, `apache2`. */
  readonly resource: string;
}
