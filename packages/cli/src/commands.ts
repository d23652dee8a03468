import { VersionInfo } from './commands/VersionInfo.js';

/** Every command of `ha`, by id (oclif's explicit command strategy: no directory scanning). */
export const commands = {
  'version-info': VersionInfo,
};
