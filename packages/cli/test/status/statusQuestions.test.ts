import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../src/commands.js';
import { statusQuestionLoaders } from '../../src/status/statusQuestionLoaders.js';

interface OclifShape {
  readonly args?: Record<string, { required?: boolean }>;
  readonly flags?: Record<string, { type: string; char?: string }>;
}

// The fast path's grammar comes from the questions, help and parse errors from the oclif
// commands: if the two disagreed, `ha status …` would answer differently depending on the path.
describe('the status questions and the oclif status commands describe the same command lines', () => {
  it('has one oclif command per question, with the same required arguments, --run-dir and boolean flags', async () => {
    const statusQuestions = await Promise.all(statusQuestionLoaders.map(async (l) => ({ word: l.word, question: await l.load() })));
    for (const { word, question } of statusQuestions) assert.equal(question.word, word, `the loader of '${word}'`);
    const ids = Object.keys(commands).filter((id) => id === 'status' || id.startsWith('status:'));
    assert.deepEqual(ids.sort(), statusQuestions.map((q) => (q.word === '' ? 'status' : `status:${q.word}`)).sort());
    for (const { question } of statusQuestions) {
      const id = question.word === '' ? 'status' : `status:${question.word}`;
      const command = (commands as Record<string, unknown>)[id] as OclifShape;
      const args = Object.entries(command.args ?? {});
      assert.deepEqual(args.map(([name]) => name), [...question.args], `${id}: arguments`);
      assert.ok(args.every(([, a]) => a.required === true), `${id}: every argument is required`);
      const flags = Object.entries(command.flags ?? {});
      assert.deepEqual(flags.filter(([, f]) => f.type === 'option').map(([name]) => name), ['run-dir'], `${id}: option flags`);
      assert.deepEqual(
        Object.fromEntries(flags.filter(([, f]) => f.type === 'boolean').map(([name, f]) => [name, f.char])),
        { ...question.booleanFlags },
        `${id}: boolean flags`,
      );
    }
  });
});
