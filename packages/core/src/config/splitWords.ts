import type { HaCfWord } from './HaCfWord.js';

/** Heartbeat's separators: WHITESPACE between a directive and its value, DELIMS between values. */
export const WHITESPACE = ' \t\n\r\f';
export const DELIMS = ', \t\n\r\f';

/** Splits `text` (starting at 1-based column `firstColumn`) on any of `separators`. */
export function splitWords(text: string, firstColumn: number, separators: string): HaCfWord[] {
  const words: HaCfWord[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const separator = i === text.length || separators.includes(text.charAt(i));
    if (separator && start >= 0) {
      words.push({ text: text.slice(start, i), column: firstColumn + start });
      start = -1;
    } else if (!separator && start < 0) {
      start = i;
    }
  }
  return words;
}
