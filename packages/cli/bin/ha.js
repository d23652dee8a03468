#!/usr/bin/env node
// `ha status …` is answered without loading oclif, tsyringe or the plugins (monitoring loops run it
// every few seconds): the fast path reads only the command lines it knows exactly and hands anything
// else (help, a bad flag, a missing argument) to oclif, so `ha` stays one CLI with one help.
// HEARTLINE_NO_FAST_STATUS=1 sends `ha status` through oclif as well.
// `ha start …` runs the daemon without oclif the same way (it would otherwise stay loaded for as long
// as the node runs); help, errors in the command line and plugin setups only oclif reads go to oclif.
// HEARTLINE_NO_LEAN_START=1 sends `ha start` through oclif as well.
const command = process.argv[2];
let answered = false;
if (command === 'status' && process.env.HEARTLINE_NO_FAST_STATUS !== '1') {
  answered = await (await import('../dist/src/status/runFastStatus.js')).runFastStatus(process.argv.slice(3));
} else if (command === 'start' && process.env.HEARTLINE_NO_LEAN_START !== '1') {
  // Before any module loads: the lexer that reads CommonJS modules' exports would get compiled.
  (await import('../dist/src/start/skipJitCompilers.js')).skipJitCompilers();
  await import('reflect-metadata');
  // The bundle (scripts/bundle.mjs): a node that runs for months keeps every module it loaded in memory.
  answered = await (await import('../dist/bundle/start.js')).runLeanStart(process.argv.slice(3));
}
if (!answered) {
  await import('reflect-metadata');
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
