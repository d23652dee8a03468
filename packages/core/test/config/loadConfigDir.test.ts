import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigDir } from '../../src/config/loadConfigDir.js';
import { isHaError } from '../../src/errors/HaError.js';
import { fixtureCopy } from './fixtureDir.js';

test('seed-apache loads clean: config, one group, slot 2', async () => {
  const dir = fixtureCopy('seed-apache');
  const loaded = await loadConfigDir(dir);
  assert.deepEqual(loaded.issues, []);
  assert.deepEqual(loaded.haCf.nodes, ['prime', 'calc']);
  assert.deepEqual(loaded.groups.map((g) => g.line), ['prime apache2']);
  assert.equal(loaded.authKeys?.activeSlot, 2);
  assert.equal(loaded.files.haCf, join(dir, 'ha.cf'));
});

test('seed-clearos loads clean', async () => {
  const loaded = await loadConfigDir(fixtureCopy('seed-clearos'));
  assert.deepEqual(loaded.issues, []);
  assert.equal(loaded.groups[0]?.node, 'firewall1.domain.lan');
  assert.equal(loaded.authKeys?.activeSlot, 1);
});

test('issues of all three files come back together, ha.cf first', async () => {
  const dir = fixtureCopy('seed-apache', {
    'ha.cf': 'keepalive 2\ndeadtime 1\nbcast eth0\nnode prime\nauto_failback on\n',
    haresources: 'calc apache2\n',
  });
  chmodSync(join(dir, 'authkeys'), 0o644);
  const loaded = await loadConfigDir(dir);
  assert.deepEqual(
    loaded.issues.map((i) => [i.file.slice(dir.length + 1), i.line, i.code]),
    [
      ['ha.cf', 2, 'CONFIG_DEADTIME_TOO_SMALL'],
      ['haresources', 1, 'HARESOURCES_UNKNOWN_NODE'],
      ['authkeys', 0, 'AUTHKEYS_BAD_PERMISSIONS'],
    ],
  );
  assert.equal(loaded.authKeys, undefined);
});

test('a missing file is an issue naming it; other files are still checked', async () => {
  const dir = fixtureCopy('seed-apache');
  rmSync(join(dir, 'ha.cf'));
  const loaded = await loadConfigDir(dir);
  assert.deepEqual(loaded.issues.map((i) => i.code), ['CONFIG_FILE_NOT_FOUND']);
  assert.match(loaded.issues[0]?.message ?? '', /ha\.cf does not exist/);
});

test('a missing directory throws CONFIG_DIR_NOT_FOUND', async () => {
  await assert.rejects(loadConfigDir('/nonexistent/heartline/ha.d'), (error) => isHaError(error) && error.code === 'CONFIG_DIR_NOT_FOUND' && error.exitCode === 66);
});
