import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCatalogue } from '../../src/errors/errorCatalogue.js';
import { HaError } from '../../src/errors/HaError.js';

// From dist/test/errors/ up to the repository root.
const docsUrl = new URL('../../../../../docs/errors.md', import.meta.url);
const docs = readFileSync(docsUrl, 'utf8');
const documented = [...docs.matchAll(/^## ([A-Z0-9_]+)\s*$/gm)].map((m) => m[1] ?? '');
const catalogued = Object.keys(errorCatalogue);

test('every catalogued code has a ## heading in docs/errors.md', () => {
  const missing = catalogued.filter((code) => !documented.includes(code));
  assert.deepEqual(missing, [], `add a "## CODE" section to docs/errors.md for: ${missing.join(', ')}`);
});

test('every ## heading in docs/errors.md is a catalogued code', () => {
  const stale = documented.filter((code) => !catalogued.includes(code));
  assert.deepEqual(stale, [], `docs/errors.md documents codes the catalogue lacks: ${stale.join(', ')}`);
});

test('no code is documented twice', () => {
  const twice = documented.filter((code, i) => documented.indexOf(code) !== i);
  assert.deepEqual(twice, []);
});

test('every heading has a non-empty body', () => {
  const sections = docs.split(/^## /m).slice(1);
  const empty = sections.filter((s) => s.split('\n').slice(1).join('').trim() === '').map((s) => s.split('\n')[0]);
  assert.deepEqual(empty, []);
});

test('every catalogue entry has a summary, a hint and an exit code in 1..125', () => {
  for (const [code, spec] of Object.entries(errorCatalogue)) {
    assert.ok(spec.summary.length > 0, `${code} summary`);
    assert.ok(spec.hint.length > 0, `${code} hint`);
    assert.ok(Number.isInteger(spec.exitCode) && spec.exitCode > 0 && spec.exitCode < 126, `${code} exit code`);
  }
});

test('HaError points at the heading GitHub generates for its code', () => {
  const error = new HaError('CONFIG_BAD_TIME', 'bad');
  assert.equal(error.docsAnchor, 'docs/errors.md#config_bad_time');
  assert.equal(error.exitCode, 78);
});
