import type { AddressSpec, AddressType } from './AddressSpec.js';
import { isInterfaceName } from './isInterfaceName.js';
import type { ParsedSpec } from './ParsedSpec.js';
import { parseIpv4 } from './parseIpv4.js';
import { parseIpv6 } from './parseIpv6.js';
import { parseNetmask } from './parseNetmask.js';
import { parseOptions } from './parseOptions.js';
import type { SpecProblem } from './SpecProblem.js';

/**
 * A resource's spec (`IPaddr::10.0.0.5/24/eth0`, as core expands the bare form) as heartbeat's
 * wrappers split it: `ip[/mask[/nic[/broadcast]]]`, a third part starting with a digit being the
 * broadcast; IPaddr2's nic may be `nic:label`; IPv6addr is `addr[/prefix[/nic]]`. The spec is read
 * whole, not from core's `::`-split args, so IPv6's own `::` survives. Every problem is reported.
 */
export function parseAddressSpec(type: AddressType, resourceSpec: string): ParsedSpec {
  const problems: SpecProblem[] = [];
  const parts = resourceSpec.startsWith(`${type}::`) ? resourceSpec.slice(type.length + 2).split('::') : [];
  const optionWords: string[] = [];
  while (parts.length > 1 && (parts[parts.length - 1] ?? '').includes('=')) optionWords.unshift(parts.pop() ?? '');
  const options = parseOptions(optionWords, resourceSpec, problems);
  const family = type === 'IPv6addr' ? 6 : 4;
  if (family === 4 && parts.length > 1) {
    problems.push({ code: 'IPADDR_BAD_ADDRESS', message: `${resourceSpec}: ${type} takes one argument, ip[/mask[/nic[/broadcast]]]` });
    return { problems };
  }
  const fields = parts.join('::').split('/');
  const [address = '', mask = '', third = '', fourth = '', ...extra] = fields;
  const bytes = family === 4 ? parseIpv4(address) : parseIpv6(address);
  if (address === '') {
    problems.push({ code: 'IPADDR_BAD_ADDRESS', message: `${resourceSpec}: no address given` });
  } else if (bytes === undefined) {
    problems.push({ code: 'IPADDR_BAD_ADDRESS', message: `${resourceSpec}: '${address}' is not an ${family === 4 ? 'IPv4' : 'IPv6'} address` });
  }
  const prefixLength = mask === '' ? undefined : parseNetmask(mask, family);
  if (mask !== '' && prefixLength === undefined) {
    const range = family === 4 ? '1-32 or a dotted netmask' : '1-128';
    problems.push({ code: 'IPADDR_BAD_NETMASK', message: `${resourceSpec}: netmask '${mask}' is not valid (${range})` });
  }
  const broadcastFirst = family === 4 && /^\d/.test(third);
  const nicWord = broadcastFirst ? '' : third;
  const broadcastText = family === 4 ? (broadcastFirst ? third : fourth) : '';
  if (extra.length > 0 || (family === 6 && fourth !== '')) {
    problems.push({ code: 'IPADDR_BAD_ADDRESS', message: `${resourceSpec}: too many '/' parts` });
  }
  const broadcast = broadcastText === '' ? undefined : parseIpv4(broadcastText);
  if (broadcastText !== '' && broadcast === undefined) {
    problems.push({ code: 'IPADDR_BAD_ADDRESS', message: `${resourceSpec}: broadcast '${broadcastText}' is not an IPv4 address` });
  }
  const [nic = '', ...labelParts] = nicWord.split(':');
  const label = type === 'IPaddr2' && labelParts.length > 0 ? nicWord : undefined;
  if (nicWord !== '' && !isInterfaceName(nic)) {
    problems.push({ code: 'IPADDR_BAD_OPTION', message: `${resourceSpec}: '${nic}' is not an interface name (at most 15 characters, no '/', ':' or blank)` });
  }
  if (label !== undefined && (label.length > 15 || labelParts.join(':') === '')) {
    problems.push({ code: 'IPADDR_BAD_OPTION', message: `${resourceSpec}: label '${label}' must be nic:label, at most 15 characters in all` });
  }
  if (problems.length > 0 || bytes === undefined) return { problems };
  const spec: AddressSpec = {
    type,
    family,
    address,
    bytes,
    ...(prefixLength === undefined ? {} : { prefixLength }),
    ...(nic === '' ? {} : { nic }),
    ...(label === undefined ? {} : { label }),
    ...(broadcast === undefined ? {} : { broadcast }),
    ...options,
    ...(family === 6 ? { probeMs: 0 } : {}),
  };
  return { spec, problems };
}
