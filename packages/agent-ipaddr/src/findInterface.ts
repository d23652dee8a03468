import type { AddressSpec } from './AddressSpec.js';
import type { FoundInterface } from './FoundInterface.js';
import type { RouteInfo } from './RouteInfo.js';
import { sharesPrefix } from './sharesPrefix.js';

type Wanted = Pick<AddressSpec, 'family' | 'bytes' | 'nic' | 'prefixLength'>;

/**
 * heartbeat's findif: the interface and prefix length of the directly connected route that covers
 * the address (`ip route list match ADDR[/PREFIX] scope link` in the main table, default,
 * unreachable and gateway routes left out; on the named interface only, when one is named). The
 * most specific route wins, then the lowest metric, as the kernel itself would route. What the
 * resource gives is kept; undefined when something is missing and no route covers the address.
 */
export function findInterface(wanted: Wanted, routes: readonly RouteInfo[]): FoundInterface | undefined {
  const { nic, prefixLength } = wanted;
  if (nic !== undefined && prefixLength !== undefined) return { nic, prefixLength, fromRoute: false };
  const covering = routes.filter(
    (r) =>
      r.family === wanted.family &&
      r.onLink &&
      r.prefixLength > 0 &&
      (prefixLength === undefined || r.prefixLength <= prefixLength) &&
      (nic === undefined || r.interfaceName === nic) &&
      sharesPrefix(r.destination, wanted.bytes, r.prefixLength),
  );
  const best = covering.sort((a, b) => b.prefixLength - a.prefixLength || a.metric - b.metric)[0];
  if (best === undefined) return undefined;
  return { nic: nic ?? best.interfaceName, prefixLength: prefixLength ?? best.prefixLength, fromRoute: true };
}
