import { expandVariables } from './expandVariables.js';

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const OPENS = /^(if|case|for|while|until)\b/;
const CLOSES = /^(fi|esac|done)\b/;

/**
 * Environment variables from a shell file of assignments, Debian's `/etc/apache2/envvars` or a
 * `KEY=value` file, read without running it: `NAME=value` and `export NAME=value` lines at the top
 * level, one pair of quotes removed, `$NAME` and `${NAME}` expanded from what is set so far (then
 * from `base`). Lines inside `if … fi` and the like are skipped (the caller sets what envvars
 * computes there: SUFFIX); anything else (`unset`, `.`, `ulimit`) is ignored.
 */
export function parseEnvFile(text: string, base: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  let depth = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (OPENS.test(line)) {
      // `if …; then …; fi` on one line opens and closes.
      if (!/[;\s](fi|esac|done)$/.test(line)) depth += 1;
      continue;
    }
    if (CLOSES.test(line)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    const match = ASSIGNMENT.exec(line);
    if (match === null) continue;
    const [, name = '', value = ''] = match;
    const written = stripComment(value);
    // Single quotes keep $ as it is, as in the shell.
    env[name] = written.startsWith("'") ? unquote(written) : expandVariables(unquote(written), (n) => env[n] ?? base[n], '$');
  }
  return env;
}

function stripComment(value: string): string {
  // ` # comment` after a value; a # inside quotes or a word stays.
  const quote = value.charAt(0);
  if ((quote === '"' || quote === "'") && value.indexOf(quote, 1) > 0) return value.slice(0, value.indexOf(quote, 1) + 1);
  return value.replace(/\s+#.*$/, '').trim();
}

function unquote(value: string): string {
  const first = value.charAt(0);
  return value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first) ? value.slice(1, -1) : value;
}
