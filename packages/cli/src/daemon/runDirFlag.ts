import { Flags } from '@oclif/core';
import { daemonDefaults } from './daemonDefaults.js';

/** `--run-dir` of the commands that talk to the daemon's control socket. */
export const runDirFlag = Flags.string({ description: "where the daemon's control socket is", default: daemonDefaults.runDir });
