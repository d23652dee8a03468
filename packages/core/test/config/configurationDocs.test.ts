import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { haCfDirectives } from '../../src/config/haCfDirectives.js';

// From dist/test/config/ up to the repository root.
const docs = readFileSync(new URL('../../../../../docs/configuration.md', import.meta.url), 'utf8');
const rows = new Map(
  [...docs.matchAll(/^\| `([a-z_0-9]+)` \|(.*)\|$/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').split('|').map((c) => c.trim())]),
);

test('docs/configuration.md has one row per ha.cf directive, and no other', () => {
  assert.deepEqual([...rows.keys()].sort(), [...haCfDirectives.keys()].sort());
});

test("each row states the directive's support level, form, recorded flag and default as the parser has them", () => {
  for (const directive of haCfDirectives.values()) {
    const [, defaultCell, form, recorded, support] = rows.get(directive.name) ?? [];
    assert.equal(support, directive.support, directive.name);
    assert.equal(form, directive.form === 'line' ? 'line' : 'values', directive.name);
    assert.equal(recorded, directive.recorded ? 'yes' : 'no', directive.name);
    if (directive.defaultValue !== undefined) assert.equal(defaultCell, `\`${directive.defaultValue}\``, directive.name);
  }
});

test('ignored and accepted directives explain why', () => {
  for (const directive of haCfDirectives.values()) {
    if (directive.support !== 'supported') assert.ok(directive.note.length > 10, directive.name);
  }
});
