import type { Table } from './Table.js';

/** Aligned columns for the terminal: the first left-aligned, the others right-aligned. */
export function renderText(table: Table): string {
  const all = [table.columns, ...table.rows];
  const widths = table.columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [table.title, line(table.columns), ...table.rows.map(line), ...table.notes.map((n) => `  ${n}`)].join('\n');
}

/** A GitHub Markdown table with the title in bold above it and the notes as a list below. */
export function renderMarkdown(table: Table): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const row = (r: readonly string[]): string => `| ${r.map(escape).join(' | ')} |`;
  const rule = `|${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  const notes = table.notes.length === 0 ? [] : ['', ...table.notes.map((n) => `- ${n}`)];
  return [`**${table.title}**`, '', row(table.columns), rule, ...table.rows.map(row), ...notes].join('\n');
}
