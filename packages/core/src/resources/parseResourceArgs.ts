import type { ParsedResourceArgs } from './ParsedResourceArgs.js';
import type { ResourceArgSpec, ResourceArgsSpec } from './ResourceArgsSpec.js';

const NAMED = /^([A-Za-z_][A-Za-z0-9_.-]*)=([\s\S]*)$/;

/**
 * Reads a resource's arguments (`resource.args`: what follows `Type::` in haresources, split on `::`)
 * against what the agent takes. An argument `name=value` whose name the spec lists under `named` is
 * that parameter; any other fills the next positional slot. Reports every problem at once: a
 * required argument missing, one too many, a parameter given twice, a value its `check` refuses.
 * `validate` turns the problems into issues (`resourceIssue`), start and stop into a refusal.
 */
export function parseResourceArgs(args: readonly string[], spec: ResourceArgsSpec): ParsedResourceArgs {
  const positional = spec.positional ?? [];
  const named = new Map((spec.named ?? []).map((n) => [n.name, n]));
  const values: Record<string, string> = {};
  const given = new Set<string>();
  const problems: string[] = [];
  const problem = (text: string): void => void problems.push(`${text} (write ${spec.usage})`);
  const accept = (arg: ResourceArgSpec, value: string): void => {
    given.add(arg.name);
    const wrong = arg.check?.(value);
    if (wrong !== undefined) problem(`${arg.name} ${JSON.stringify(value)}: ${wrong}`);
    else values[arg.name] = value;
  };
  let next = 0;
  for (const arg of args) {
    const match = NAMED.exec(arg);
    const parameter = match === null ? undefined : named.get(match[1] ?? '');
    if (parameter !== undefined) {
      if (given.has(parameter.name)) problem(`${parameter.name} is given twice`);
      else accept(parameter, match?.[2] ?? '');
      continue;
    }
    const slot = positional[next++];
    if (slot !== undefined) {
      accept(slot, arg);
      continue;
    }
    const known = [...named.keys()];
    problem(match !== null && known.length > 0
      ? `unknown parameter ${JSON.stringify(match[1])} (it takes ${known.join(', ')})`
      : `one argument too many: ${JSON.stringify(arg)}`);
  }
  for (const arg of [...positional, ...named.values()]) {
    if (arg.required === true && !given.has(arg.name)) problem(`${arg.name} is missing`);
  }
  return { values, problems };
}
