import type { ConfigIssue } from './ConfigIssue.js';
import type { HaResourceGroup } from './HaResourceGroup.js';
import { IssueList } from './IssueList.js';
import { joinResourceLines, type LogicalLine } from './joinResourceLines.js';
import type { ResourceRef } from './ResourceRef.js';
import type { SourceLocation } from './SourceLocation.js';
import { sortIssues } from './sortIssues.js';

export interface HaResourcesParseResult {
  /** Groups in file order; a line with errors still gives its group when it has a node and a key. */
  readonly groups: readonly HaResourceGroup[];
  readonly issues: readonly ConfigIssue[];
}

// ResourceManager's `isip`: the shell glob [0-9]*.[0-9]*.[0-9]*.[0-9]*
const IP_LIKE = /^[0-9].*\.[0-9].*\.[0-9].*\.[0-9].*$/;

/**
 * Reads haresources as heartbeat's ResourceManager does (comments stripped, `\` lines joined,
 * blanks squeezed, node name lowercased) and checks what heartbeat checks (the node is declared
 * in ha.cf) plus what ResourceManager silently gets wrong (duplicate group keys, empty resources).
 */
export function parseHaResources(text: string, file: string, knownNodes: readonly string[]): HaResourcesParseResult {
  const issues = new IssueList(file);
  const groups: HaResourceGroup[] = [];
  const known = new Set(knownNodes.map((n) => n.toLowerCase()));
  const keys = new Map<string, number>();
  for (const logical of joinResourceLines(text, file, issues)) {
    const group = readGroup(logical, known, issues);
    if (group === undefined) continue;
    const earlier = keys.get(group.key);
    if (earlier !== undefined) {
      const at = group.resources[0]?.where ?? group.where;
      issues.error(at.line, at.column, 'HARESOURCES_DUPLICATE_GROUP', `group key '${group.key}' is already used on line ${earlier}`);
      continue;
    }
    keys.set(group.key, group.where.line);
    groups.push(group);
  }
  return { groups, issues: sortIssues(issues.items) };
}

function readGroup(logical: LogicalLine, known: ReadonlySet<string>, issues: IssueList): HaResourceGroup | undefined {
  const [nodeWord, ...resourceWords] = logical.words;
  if (nodeWord === undefined) return undefined;
  const node = nodeWord.text.toLowerCase();
  if (!known.has(node)) {
    const declared = known.size === 0 ? 'ha.cf declares no node' : `ha.cf declares ${[...known].join(', ')}`;
    issues.error(nodeWord.where.line, nodeWord.where.column, 'HARESOURCES_UNKNOWN_NODE', `node '${nodeWord.text}' is not declared in ha.cf (${declared})`);
  }
  if (resourceWords.length === 0) {
    issues.error(nodeWord.where.line, nodeWord.where.column, 'HARESOURCES_NO_RESOURCES', `the line for node '${node}' lists no resource`);
    return undefined;
  }
  const resources = resourceWords.map((w) => readResource(w.text, w.where, issues));
  const key = resourceWords[0]?.text ?? '';
  const line = [node, ...resourceWords.map((w) => w.text)].join(' ');
  return { node, key, resources, line, where: nodeWord.where };
}

function readResource(text: string, where: SourceLocation, issues: IssueList): ResourceRef {
  const spec = IP_LIKE.test(text) ? `IPaddr::${text}` : text;
  const cut = spec.indexOf('::');
  const type = cut < 0 ? spec : spec.slice(0, cut);
  const parts = cut < 0 ? [] : spec.slice(cut + 2).split('::');
  const args = parts.filter((a) => a !== '');
  if (type === '') {
    issues.error(where.line, where.column, 'HARESOURCES_BAD_RESOURCE', `resource '${text}' has no script name before '::'`);
  } else if (args.length < parts.length) {
    issues.warning(where.line, where.column, 'HARESOURCES_BAD_RESOURCE', `resource '${text}' has an empty argument, which ResourceManager drops`);
  }
  if (type === 'OCF' && args.length < 2) {
    issues.error(where.line, where.column, 'HARESOURCES_BAD_RESOURCE', `resource '${text}' needs an agent type and an instance name`, 'Write `OCF::<type>::<instance>`, with its parameters in /etc/ha.d/conf/OCF/<type>/<instance>.');
  }
  return { text, spec, type, args, where };
}
