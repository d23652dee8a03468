import type { AuthKeys } from './AuthKeys.js';
import type { ConfigIssue } from './ConfigIssue.js';
import type { HaCf } from './HaCf.js';
import type { HaResourceGroup } from './HaResourceGroup.js';
import type { HeartlineCf } from './HeartlineCf.js';

/** The three files of a heartbeat configuration directory and Heartline's heartline.cf, parsed, with every issue. */
export interface ConfigDir {
  readonly dir: string;
  readonly files: { readonly haCf: string; readonly haresources: string; readonly authkeys: string; readonly heartline: string };
  readonly haCf: HaCf;
  readonly groups: readonly HaResourceGroup[];
  /** Undefined when authkeys is missing, refused or names no usable signing slot. */
  readonly authKeys: AuthKeys | undefined;
  /** Empty when the node has no heartline.cf (the defaults apply). */
  readonly heartline: HeartlineCf;
  /** ha.cf's, then haresources', then authkeys', then heartline.cf's issues, each in reading order. */
  readonly issues: readonly ConfigIssue[];
}
