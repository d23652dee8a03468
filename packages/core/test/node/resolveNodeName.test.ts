import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveNodeName } from '../../src/node/resolveNodeName.js';
import { isHaError } from '../../src/errors/HaError.js';

describe('resolveNodeName (get_localnodeinfo)', () => {
  it('prefers the flag, then nodeinfo, then uname -n, always lowercase', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-ni-'));
    try {
      const uname = () => 'HostA';
      assert.equal(resolveNodeName({ configDir: dir, uname }), 'hosta');
      writeFileSync(join(dir, 'nodeinfo'), 'Node-One\nignored\n');
      assert.equal(resolveNodeName({ configDir: dir, uname }), 'node-one');
      assert.equal(resolveNodeName({ configDir: dir, uname, explicit: 'NODE2' }), 'node2');
      writeFileSync(join(dir, 'nodeinfo'), 'no-newline');
      assert.equal(resolveNodeName({ configDir: dir, uname }), 'hosta', 'heartbeat needs the newline');
      assert.throws(() => resolveNodeName({ configDir: dir, explicit: 'a b' }), (e) => isHaError(e) && e.code === 'DAEMON_NODE_NAME');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
