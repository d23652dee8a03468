import type { HaCfState } from './HaCfState.js';
import type { HaCfWord } from './HaCfWord.js';

/**
 * What Heartline does with a directive: `supported` acts on it; `accepted` checks and records it
 * but it changes nothing Heartline does (e.g. `realtime`, which Node cannot honour); `ignored` is
 * like accepted but warns, because the admin expects something Heartline does not provide (STONITH,
 * a watchdog, respawned clients, Pacemaker settings).
 */
export type DirectiveSupport = 'supported' | 'accepted' | 'ignored';

/**
 * Applies one value. `options` directives get each value token separately (`node a b` is two
 * calls); `line` directives get the rest of the line as one word. Returns whether heartbeat would
 * accept it (only accepted values are recorded for hbparameter).
 */
export type DirectiveSetter = (state: HaCfState, value: HaCfWord) => boolean;

/** One ha.cf directive, as heartbeat 3.0.6's `Directives[]`, `WLdirectives[]` and HBcomm plugins define it. */
export interface HaCfDirective {
  readonly name: string;
  readonly form: 'options' | 'line';
  /** Whether heartbeat records the value for `cl_status hbparameter`. */
  readonly recorded: boolean;
  /** Heartbeat's fixed default, recorded when the directive is absent. */
  readonly defaultValue: string | undefined;
  readonly support: DirectiveSupport;
  /** Why, when support is not `supported`; shown in the warning and docs/configuration.md. */
  readonly note: string;
  readonly set: DirectiveSetter;
}
