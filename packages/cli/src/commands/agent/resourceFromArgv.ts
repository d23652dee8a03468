import { HaError, parseHaResources, type ResourceRef } from '@heartline/core';

/**
 * The resource `ha agent test` runs, from its command line: `TYPE ARG…` or the haresources form
 * `TYPE::ARG::…` (mixed too), read as haresources reads a resource (a bare IPv4-looking word is
 * `IPaddr::word`), so the agent sees exactly what the daemon would give it.
 */
export function resourceFromArgv(words: readonly string[], nodeName: string, where = 'command line'): ResourceRef {
  const text = words.join('::');
  if (/\s/.test(text) || text === '') {
    throw new HaError('USAGE', `${JSON.stringify(text)} is not one haresources resource (TYPE[::ARG…], no blanks: haresources splits on them)`);
  }
  const parsed = parseHaResources(`${nodeName} ${text}\n`, where, [nodeName]);
  const error = parsed.issues.find((i) => i.severity === 'error');
  if (error !== undefined) throw new HaError(error.code, error.message, { hint: error.hint });
  const [resource, ...more] = parsed.groups[0]?.resources ?? [];
  if (resource === undefined || more.length > 0) throw new HaError('USAGE', `${JSON.stringify(text)} is not one haresources resource`);
  return resource;
}
