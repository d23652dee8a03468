import type { ListenAddress } from './ListenAddress.js';

/**
 * The URL that checks a server by its `Listen`: `http://address:port/` (https for the `https`
 * protocol or port 443 without one); every address (`Listen 80`) is asked on 127.0.0.1.
 */
export function probeUrl(listen: ListenAddress): string {
  const https = listen.protocol === 'https' || (listen.protocol === undefined && listen.port === 443);
  const host = listen.host === undefined ? '127.0.0.1' : listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return `${https ? 'https' : 'http'}://${host}:${listen.port}/`;
}
