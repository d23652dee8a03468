import type { ApacheSpec, ApacheType } from './ApacheSpec.js';
import type { SpecProblem } from './SpecProblem.js';

/** The parameter names, as the OCF apache agent calls them (plus graceful_ms). */
export const apacheParameters = ['configfile', 'httpd', 'options', 'statusurl', 'envfiles', 'graceful_ms'] as const;

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const DEFAULT_GRACEFUL_MS = 10_000;
const MAX_GRACEFUL_MS = 3_600_000;

/**
 * The arguments of an apache resource (core has split the `::`): heartbeat's form, the config file
 * first (`apache::/etc/apache2/apache2.conf`), then `name=value` pairs: a lowercase name is one of
 * `apacheParameters`, an UPPER_CASE name an environment variable for apache. Every problem at once.
 */
export function parseApacheSpec(type: ApacheType, args: readonly string[], name: string): { spec?: ApacheSpec; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const bad = (message: string): void => void problems.push({ code: 'APACHE_BAD_PARAMETER', message: `${name}: ${message}` });
  const values = new Map<string, string>();
  const env: Record<string, string> = {};
  args.forEach((arg, index) => {
    const eq = arg.indexOf('=');
    if (eq < 0) {
      if (index === 0) values.set('configfile', arg);
      else bad(`'${arg}' is not name=value (only the first argument may be the config file alone)`);
      return;
    }
    const key = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    if (ENV_NAME.test(key)) {
      if (key in env) bad(`the environment variable ${key} is given twice`);
      env[key] = value;
    } else if ((apacheParameters as readonly string[]).includes(key)) {
      const earlier = values.get(key);
      if (earlier !== undefined) bad(`${key} is given twice ('${earlier}' and '${value}')`);
      else values.set(key, value);
    } else {
      bad(`unknown parameter '${key}' (known: ${apacheParameters.join(', ')}, or an UPPER_CASE environment variable)`);
    }
  });
  for (const key of ['configfile', 'httpd'] as const) {
    const path = values.get(key);
    if (path !== undefined && !path.startsWith('/')) bad(`${key} must be an absolute path, not '${path}'`);
  }
  const envFiles = values.has('envfiles') ? splitList(values.get('envfiles') ?? '') : undefined;
  for (const file of envFiles ?? []) if (!file.startsWith('/')) bad(`envfiles must list absolute paths, not '${file}'`);
  const options = splitList(values.get('options') ?? '');
  for (const option of options) {
    if (!option.startsWith('-')) bad(`options must be command-line options (-DNAME, -e level…), not '${option}'`);
    else if (/^-[kfd]/.test(option)) bad(`the option ${option} is the agent's own (-k, -f, -d): use configfile= for the config`);
  }
  const statusUrl = values.get('statusurl');
  if (statusUrl !== undefined && !isHttpUrl(statusUrl)) bad(`statusurl must be an http:// or https:// URL, not '${statusUrl}'`);
  const graceful = values.get('graceful_ms');
  const gracefulMs = graceful === undefined ? DEFAULT_GRACEFUL_MS : Number(graceful);
  if (!/^\d+$/.test(graceful ?? '0') || gracefulMs > MAX_GRACEFUL_MS) bad(`graceful_ms must be a whole number of milliseconds up to ${MAX_GRACEFUL_MS}, not '${graceful}'`);
  if (problems.length > 0) return { problems };
  return {
    spec: { type, configFile: values.get('configfile'), httpd: values.get('httpd'), options, statusUrl, envFiles, env, gracefulMs },
    problems,
  };
}

function splitList(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
