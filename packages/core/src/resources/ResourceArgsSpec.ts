/** One argument an agent takes: its name, whether it must be given, and what a valid value is. */
export interface ResourceArgSpec {
  readonly name: string;
  readonly required?: boolean;
  /** What is wrong with a value (`must be an absolute path`), or undefined when it is fine. */
  readonly check?: (value: string) => string | undefined;
}

/**
 * The arguments of an agent's resources, `Type::positional::…::name=value::…` as haresources writes
 * them: positional ones in order, then (or among them) `name=value` parameters.
 */
export interface ResourceArgsSpec {
  /** How the resource is written, shown in every problem: `Hello::/path/of/file[::greeting=TEXT]`. */
  readonly usage: string;
  readonly positional?: readonly ResourceArgSpec[];
  readonly named?: readonly ResourceArgSpec[];
}
