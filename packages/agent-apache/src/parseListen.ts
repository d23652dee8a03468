import type { ListenAddress } from './ListenAddress.js';

const WILDCARDS = new Set(['*', '0.0.0.0', '::']);

/**
 * The arguments of a `Listen` directive as apache reads them: `80`, `10.0.0.5:80`, `[2001:db8::1]:8080`,
 * `*:80`, then an optional protocol (`https`). A message instead when they cannot be used.
 */
export function parseListen(args: readonly string[], file: string, line: number): ListenAddress | { readonly problem: string } {
  const [address, protocol, extra] = args;
  if (address === undefined || extra !== undefined) return { problem: `Listen takes [address:]port [protocol], not '${args.join(' ')}'` };
  let host: string | undefined;
  let portText: string;
  const bracketed = /^\[([0-9A-Fa-f:.%a-z]+)\]:(.*)$/.exec(address);
  if (bracketed !== null) {
    host = bracketed[1];
    portText = bracketed[2] ?? '';
  } else if (address.includes(':')) {
    const cut = address.lastIndexOf(':');
    host = address.slice(0, cut);
    portText = address.slice(cut + 1);
    if (host.includes(':')) return { problem: `Listen ${address}: write an IPv6 address in brackets, [${host}]:${portText}` };
  } else {
    portText = address;
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) return { problem: `Listen ${address}: '${portText}' is not a port number (1-65535)` };
  if (host !== undefined && WILDCARDS.has(host)) host = undefined;
  return { host, port, protocol: protocol?.toLowerCase(), file, line };
}
