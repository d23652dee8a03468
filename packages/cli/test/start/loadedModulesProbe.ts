// Preloaded (node --import) into an `ha start` under test: on SIGUSR2 it writes the files of every
// CommonJS module loaded so far (oclif, tsyringe, semver… are CommonJS) to $HEARTLINE_PROBE_FILE.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env['HEARTLINE_PROBE_FILE'];
if (file !== undefined) {
  process.on('SIGUSR2', () => writeFileSync(file, JSON.stringify(Object.keys(createRequire(import.meta.url).cache))));
}
