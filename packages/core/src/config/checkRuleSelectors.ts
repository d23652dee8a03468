import type { ConfigIssue } from './ConfigIssue.js';
import type { HaResourceGroup } from './HaResourceGroup.js';
import type { SourceLocation } from './SourceLocation.js';
import { IssueList } from './IssueList.js';

/**
 * What the lines of one heartline.cf directive that select resources (`monitor`, `timeouts`) get
 * wrong against haresources: a selector that names no resource and no type in use (a typo would
 * otherwise silently leave a service unwatched, or on the default timeouts), and a selector given
 * twice (the later line's settings win). Each directive is checked on its own: `monitor apache`
 * and `timeouts apache` are no duplicates.
 */
export function checkRuleSelectors(
  rules: readonly { readonly selector: string; readonly where: SourceLocation }[],
  groups: readonly HaResourceGroup[],
  file: string,
): ConfigIssue[] {
  const issues = new IssueList(file);
  const resources = groups.flatMap((g) => g.resources);
  const seen = new Map<string, number>();
  for (const rule of rules) {
    const { line, column } = rule.where;
    const earlier = seen.get(rule.selector);
    if (earlier !== undefined) {
      issues.warning(line, column, 'HEARTLINE_CF_DUPLICATE', `'${rule.selector}' is already set on line ${earlier}; this line's settings win`);
    }
    seen.set(rule.selector, line);
    const used = resources.some((r) => r.text === rule.selector || r.spec === rule.selector || r.type === rule.selector);
    if (!used) {
      issues.warning(line, column, 'HEARTLINE_CF_UNMATCHED', `'${rule.selector}' matches no resource and no resource type of haresources`);
    }
  }
  return issues.items;
}
