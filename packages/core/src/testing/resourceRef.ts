import { parseHaResources } from '../config/parseHaResources.js';
import type { ResourceRef } from '../config/ResourceRef.js';

/**
 * One haresources token as core's parser gives it to agents (`type::arg::arg`, a bare IPv4-looking
 * token as `IPaddr::token`), found at line 4, column 7 of /etc/ha.d/haresources.
 */
export function resourceRef(text: string): ResourceRef {
  const parsed = parseHaResources(`\n\n\nnode1 ${text}\n`, '/etc/ha.d/haresources', ['node1']);
  const [resource, ...more] = parsed.groups[0]?.resources ?? [];
  if (resource === undefined || more.length > 0) throw new Error(`not one haresources resource: ${JSON.stringify(text)}`);
  return resource;
}
