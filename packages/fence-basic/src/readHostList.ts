import { fenceIssue, hostList, positionalParams, type ConfigIssue, type FenceDevice } from '@heartline/core';

/**
 * The one parameter of cluster-glue's null, ssh and meatware devices, `hostlist`: the whole line,
 * names separated by blanks or commas, lowercased. An empty line is cluster-glue's S_BADCONFIG.
 */
export function readHostList(device: FenceDevice): { readonly hosts: string[]; readonly issues: ConfigIssue[] } {
  const hosts = hostList(positionalParams(['hostlist'], device.params)?.['hostlist'] ?? '');
  if (hosts.length > 0) return { hosts, issues: [] };
  const issue = fenceIssue(device, 'FENCE_BAD_PARAMETERS', `${device.type} takes one parameter, hostlist: the nodes it may reset, separated by blanks or commas; the line gives none`);
  return { hosts, issues: [issue] };
}
