/** What `parseResourceArgs` read: the values by argument name, and every problem at once. */
export interface ParsedResourceArgs {
  /** Positional arguments under their spec's name, `name=value` ones under theirs; absent when not given. */
  readonly values: Readonly<Record<string, string>>;
  /** One sentence per problem, each ending with the usage; empty when the arguments are fine. */
  readonly problems: readonly string[];
}
