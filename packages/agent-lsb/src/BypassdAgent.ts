import type { ConfigIssue, ResourceRef, ValidateContext } from '@heartline/core';
import { locateScript } from './locateScript.js';
import { ScriptAgent } from './ScriptAgent.js';
import { scriptMissingIssue } from './scriptMissingIssue.js';

const hint =
  'bypassd is a ClearOS service, not a distribution one. Install the ClearOS bypassd package (it provides ' +
  '/etc/init.d/bypassd) on both nodes, or write an LSB init script of that name (start, stop, and a status ' +
  'that prints "running" or "not running"), or drop bypassd from the haresources line.';

/**
 * The ClearOS seed's `bypassd` service, run exactly as the script agent runs any init script;
 * only its validation is specific, because its script comes from ClearOS, not from a distribution.
 */
export class BypassdAgent extends ScriptAgent {
  override readonly type: string = 'bypassd';

  override validate(resource: ResourceRef, context: ValidateContext): ConfigIssue[] {
    const lookup = locateScript(resource.type, context);
    if (lookup.path !== undefined) return [];
    return [scriptMissingIssue(resource, lookup, `bypassd: ${context.initDir}/bypassd is missing`, hint)];
  }
}
