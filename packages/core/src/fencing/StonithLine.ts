import type { SourceLocation } from '../config/SourceLocation.js';

/** One `stonith` or `stonith_host` line of ha.cf, before the `stonith` configuration file is read. */
export type StonithLine =
  | { readonly directive: 'stonith'; readonly type: string; readonly configFile: string; readonly where: SourceLocation }
  | { readonly directive: 'stonith_host'; readonly host: string; readonly type: string; readonly params: string; readonly where: SourceLocation };
