import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readStatusArgv } from '../../src/status/readStatusArgv.js';
import { statusQuestionLoaders } from '../../src/status/statusQuestionLoaders.js';

const readArgv = async (argv: readonly string[]) => {
  const parsed = await readStatusArgv(argv, statusQuestionLoaders);
  return parsed === undefined ? undefined : { word: parsed.question.word, args: parsed.args, runDir: parsed.runDir, flags: parsed.flags };
};
const read = (line: string) => readArgv(line === '' ? [] : line.split(' '));

describe('readStatusArgv: the command lines the fast path answers itself', () => {
  it('reads each question with its arguments, --run-dir in both forms and anywhere, and its boolean flags', async () => {
    assert.deepEqual(await read(''), { word: '', args: [], runDir: '/run/heartline', flags: { json: false } });
    assert.deepEqual(await read('--json --run-dir /tmp/r'), { word: '', args: [], runDir: '/tmp/r', flags: { json: true } });
    assert.deepEqual(await read('nodestatus node2'), { word: 'nodestatus', args: ['node2'], runDir: '/run/heartline', flags: {} });
    assert.deepEqual(await read('nodestatus --run-dir=/r node2'), { word: 'nodestatus', args: ['node2'], runDir: '/r', flags: {} });
    assert.deepEqual(await read('hblinkstatus node2 eth0 --run-dir /r'), { word: 'hblinkstatus', args: ['node2', 'eth0'], runDir: '/r', flags: {} });
    assert.deepEqual(await read('listnodes -p'), { word: 'listnodes', args: [], runDir: '/run/heartline', flags: { ping: true, normal: false } });
    assert.deepEqual(await read('listnodes --normal --ping'), { word: 'listnodes', args: [], runDir: '/run/heartline', flags: { ping: true, normal: true } });
    for (const word of ['hbstatus', 'rscstatus']) assert.equal((await read(word))?.word, word);
    for (const word of ['nodetype', 'listhblinks']) assert.deepEqual((await read(`${word} n1`))?.args, ['n1']);
  });

  it('leaves to oclif help, unknown or repeated flags, missing or extra arguments, -- and odd values', async () => {
    const oclifs = [
      '--help', '-h', 'nodestatus --help', 'nodestatus node2 -h', '--bogus', 'nodestatus', 'nodestatus a b', 'hblinkstatus node2',
      'rscstatus extra', 'node2', '--json nodestatus node2', 'nodestatus --json node2', '--json --json', '--no-json', '--json=true',
      '--run-dir', '--run-dir=', '--run-dir --json', '--run-dir /a --run-dir /b', 'listnodes -pn', 'listnodes -p -p', 'listnodes -x',
      'nodestatus -- node2', 'nodestatus -', 'status:nodestatus node2', 'version',
    ];
    for (const line of oclifs) assert.equal(await read(line), undefined, line);
    assert.equal(await readArgv(['nodestatus', '']), undefined, 'an empty argument');
  });
});
