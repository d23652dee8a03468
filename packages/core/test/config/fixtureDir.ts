import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';

/** packages/core/test/fixtures, from dist/test/config where this runs. */
export const fixturesRoot = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

export function fixtureText(name: string, file: string): string {
  return readFileSync(join(fixturesRoot, name, file), 'utf8');
}

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temporary copy of a fixture directory (or an empty one), authkeys made 0600 as git cannot keep it. */
export function fixtureCopy(name?: string, overrides: Readonly<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'heartline-config-'));
  made.push(dir);
  if (name !== undefined) cpSync(join(fixturesRoot, name), dir, { recursive: true });
  for (const [file, text] of Object.entries(overrides)) writeFileSync(join(dir, file), text);
  try {
    chmodSync(join(dir, 'authkeys'), 0o600);
  } catch {
    // no authkeys in this directory: the test is about that
  }
  return dir;
}
