import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { skipJitCompilers } from '../../src/start/skipJitCompilers.js';

describe('skipJitCompilers', () => {
  it('turns TurboFan and Sparkplug off when nobody chose the compilers', () => {
    const set: string[] = [];
    assert.equal(skipJitCompilers(['--enable-source-maps'], '--max-old-space-size=64', (f) => set.push(f)), true);
    assert.deepEqual(set, ['--no-opt', '--no-sparkplug']);
  });

  it('leaves V8 as the node command line or NODE_OPTIONS configured it', () => {
    for (const [argv, env] of [[['--opt'], ''], [['--turbofan'], ''], [[], '--jitless'], [['--no-opt'], ''], [[], '--foo --maglev'], [['--sparkplug'], '']] as const) {
      const set: string[] = [];
      assert.equal(skipJitCompilers(argv, env, (f) => set.push(f)), false, `${argv.join(' ')} ${env}`);
      assert.deepEqual(set, []);
    }
  });
});
