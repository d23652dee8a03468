import type { ResourceRef } from '../config/ResourceRef.js';
import type { ResourceTimeouts } from './ResourceTimeouts.js';

/**
 * For the log line of a start or stop that timed out: the timeout it ran into, where that is set,
 * and how to change it, so the admin need not guess whether 120 s was a default or a typo.
 */
export function timeoutHint(resource: ResourceRef, operation: 'start' | 'stop', timeouts: ResourceTimeouts): string {
  const ms = operation === 'start' ? timeouts.startMs : timeouts.stopMs;
  const origin = operation === 'start' ? timeouts.startOrigin : timeouts.stopOrigin;
  const value = ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
  return origin === 'default'
    ? `the ${operation} timeout ${value} is the default; a line 'timeouts ${resource.text} ${operation}=DURATION' in heartline.cf changes it`
    : `the ${operation} timeout ${value} is set by ${origin} ('timeouts' line); raise it there if ${resource.text} needs longer`;
}
