#!/usr/bin/env node
// `ha status …` is answered without loading oclif, tsyringe or the plugins (monitoring loops run it
// every few seconds): the fast path reads only the command lines it knows exactly and hands anything
// else (help, a bad flag, a missing argument) to oclif, so `ha` stays one CLI with one help.
// HEARTLINE_NO_FAST_STATUS=1 sends `ha status` through oclif as well.
const fast = process.argv[2] === 'status' && process.env.HEARTLINE_NO_FAST_STATUS !== '1';
const answered = fast && (await (await import('../dist/src/status/runFastStatus.js')).runFastStatus(process.argv.slice(3)));
if (!answered) {
  await import('reflect-metadata');
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
