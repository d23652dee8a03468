import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daemonDefaults } from '../../src/daemon/daemonDefaults.js';
import { parseStartArgv } from '../../src/start/parseStartArgv.js';

describe('parseStartArgv (the lean `ha start` path reads only exact command lines)', () => {
  it('reads every flag, spaced or with =, in any order, defaults for the rest', () => {
    assert.deepEqual(parseStartArgv(['--node-name', 'node1', '--config-dir=/c', '--run-dir', '/r', '--state-dir=/s', '--init-dir', '/i']), {
      configDir: '/c',
      nodeName: 'node1',
      stateDir: '/s',
      runDir: '/r',
      initDir: '/i',
    });
    assert.deepEqual(parseStartArgv([]), {
      configDir: daemonDefaults.configDir,
      nodeName: undefined,
      stateDir: daemonDefaults.stateDir,
      runDir: daemonDefaults.runDir,
      initDir: daemonDefaults.initDir,
    });
  });

  it('hands to oclif help, arguments, unknown, repeated or valueless flags, and --', () => {
    for (const argv of [
      ['--help'],
      ['-h'],
      ['extra'],
      ['--bogus', 'x'],
      ['--node-name', 'a', '--node-name', 'b'],
      ['--node-name'],
      ['--node-name='],
      ['--node-name', '--run-dir', '/r'],
      ['--', '--node-name', 'a'],
      ['--node', 'a'],
      ['--config-dir', '/c', 'extra'],
    ]) {
      assert.equal(parseStartArgv(argv), undefined, argv.join(' '));
    }
  });
});
