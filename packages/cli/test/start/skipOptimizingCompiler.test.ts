import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { skipOptimizingCompiler } from '../../src/start/skipOptimizingCompiler.js';

describe('skipOptimizingCompiler', () => {
  it('turns TurboFan off when nobody chose the compilers', () => {
    const set: string[] = [];
    assert.equal(skipOptimizingCompiler(['--enable-source-maps'], '--max-old-space-size=64', (f) => set.push(f)), true);
    assert.deepEqual(set, ['--no-opt']);
  });

  it('leaves V8 as the node command line or NODE_OPTIONS configured it', () => {
    for (const [argv, env] of [[['--opt'], ''], [['--turbofan'], ''], [[], '--jitless'], [['--no-opt'], ''], [[], '--foo --maglev']] as const) {
      const set: string[] = [];
      assert.equal(skipOptimizingCompiler(argv, env, (f) => set.push(f)), false, `${argv.join(' ')} ${env}`);
      assert.deepEqual(set, []);
    }
  });
});
