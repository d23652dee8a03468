/**
 * Every code a user can see, in one place. `docs/errors.md` documents each of them and a test keeps
 * the two in step. Codes are never reused: retire a code by marking it, not by renaming another.
 *
 * exitCode follows sysexits where one fits: 64 usage, 65 bad data, 66 no input, 69 unavailable,
 * 70 internal, 73 cannot create, 74 I/O, 77 permission, 78 configuration.
 */
export interface ErrorSpec {
  readonly summary: string;
  readonly exitCode: number;
  readonly hint: string;
}

export const errorCatalogue = {
  INTERNAL: {
    summary: 'An unexpected internal error',
    exitCode: 70,
    hint: 'This is a bug in Heartline: please report it with the debug log.',
  },
  USAGE: {
    summary: 'The command line is not valid',
    exitCode: 64,
    hint: 'Run the command with --help to see its arguments and flags.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;
