import type { AuthKeys } from './AuthKeys.js';
import type { ConfigIssue } from './ConfigIssue.js';
import type { HaCf } from './HaCf.js';
import type { HaResourceGroup } from './HaResourceGroup.js';

/** The three files of a heartbeat configuration directory, parsed, with every issue of all three. */
export interface ConfigDir {
  readonly dir: string;
  readonly files: { readonly haCf: string; readonly haresources: string; readonly authkeys: string };
  readonly haCf: HaCf;
  readonly groups: readonly HaResourceGroup[];
  /** Undefined when authkeys is missing, refused or names no usable signing slot. */
  readonly authKeys: AuthKeys | undefined;
  /** ha.cf's, then haresources', then authkeys' issues, each in reading order. */
  readonly issues: readonly ConfigIssue[];
}
