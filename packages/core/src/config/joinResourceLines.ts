import type { IssueList } from './IssueList.js';
import type { SourceLocation } from './SourceLocation.js';

export interface LocatedWord {
  readonly text: string;
  readonly where: SourceLocation;
}

/** One haresources line after ResourceManager's preprocessing, its words still knowing where they came from. */
export interface LogicalLine {
  readonly words: readonly LocatedWord[];
}

/**
 * ResourceManager's sed pipeline: strip `#...`, then join lines ending in `\`, then split on
 * blanks and tabs. The comment is stripped only from the first physical line of a joined line,
 * so a `#` on a continuation line survives and its words become resources: reported as an error.
 */
export function joinResourceLines(text: string, file: string, issues: IssueList): LogicalLine[] {
  const physical = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const logical: LogicalLine[] = [];
  for (let i = 0; i < physical.length; i++) {
    const first = physical[i] ?? '';
    const hash = first.indexOf('#');
    const chars: Array<{ ch: string; where: SourceLocation }> = [];
    const add = (s: string, line: number): void => {
      for (let c = 0; c < s.length; c++) chars.push({ ch: s.charAt(c), where: { file, line, column: c + 1 } });
    };
    add(hash < 0 ? first : first.slice(0, hash), i + 1);
    while (chars.at(-1)?.ch === '\\') {
      const backslash = chars.pop();
      if (i + 1 >= physical.length) {
        issues.warning(backslash?.where.line ?? i + 1, backslash?.where.column ?? 1, 'HARESOURCES_DANGLING_CONTINUATION', 'the file ends with a continued line');
        break;
      }
      i++;
      const next = physical[i] ?? '';
      const comment = next.indexOf('#');
      if (comment >= 0) {
        issues.error(i + 1, comment + 1, 'HARESOURCES_COMMENT_IN_CONTINUATION', `'${next.slice(comment).trim()}' on a continued line is read as resources, not as a comment`);
      }
      add(next, i + 1);
    }
    logical.push({ words: splitBlanks(chars) });
  }
  return logical.filter((l) => l.words.length > 0);
}

function splitBlanks(chars: ReadonlyArray<{ ch: string; where: SourceLocation }>): LocatedWord[] {
  const words: LocatedWord[] = [];
  let text = '';
  let where: SourceLocation | undefined;
  for (const { ch, where: at } of chars) {
    if (ch === ' ' || ch === '\t') {
      if (where !== undefined) words.push({ text, where });
      text = '';
      where = undefined;
    } else {
      where ??= at;
      text += ch;
    }
  }
  if (where !== undefined) words.push({ text, where });
  return words;
}
