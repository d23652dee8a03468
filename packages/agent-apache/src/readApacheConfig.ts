import { basename, isAbsolute, join } from 'node:path';
import type { ApacheConfig } from './ApacheConfig.js';
import type { CompiledDefaults } from './CompiledDefaults.js';
import type { ConfigFiles } from './ConfigFiles.js';
import type { ConfigProblem } from './ConfigProblem.js';
import { expandInclude } from './expandInclude.js';
import { expandVariables } from './expandVariables.js';
import type { ListenAddress } from './ListenAddress.js';
import { parseListen } from './parseListen.js';
import { splitConfigWords } from './splitConfigWords.js';

/** Compiled into Debian's and Red Hat's apache (`httpd -l`): always there for <IfModule>. */
const STATIC_MODULES = ['core', 'so', 'watchdog', 'http_core', 'log_config', 'logio', 'version', 'unixd'];
const CONDITIONS = new Set(['ifdefine', 'ifmodule', 'iffile', 'ifversion', 'ifdirective', 'ifsection']);
const MAX_DEPTH = 32;

export interface ReadApacheConfigOptions {
  readonly compiled: CompiledDefaults;
  /** ServerRoot before the config sets one: `-d`, else the compiled HTTPD_ROOT. */
  readonly serverRoot: string;
  /** apache's environment, for `${VAR}`. */
  readonly env: Readonly<Record<string, string>>;
  /** `-D NAME` of the command line. */
  readonly defines: readonly string[];
  readonly files: ConfigFiles;
}

/**
 * Reads an apache config the way apache does, as far as the agent needs it: Include and
 * IncludeOptional followed (relative to ServerRoot), `${VAR}` from Define then the environment,
 * <IfDefine>, <IfModule> (modules loaded so far and the compiled-in ones) and <IfFile> decided,
 * other sections skipped. Collects every Listen, the PidFile and the main ErrorLog.
 */
export function readApacheConfig(path: string, options: ReadApacheConfigOptions): ApacheConfig {
  const { files, compiled } = options;
  const defines = new Map<string, string>(options.defines.map((d) => [d, '']));
  const modules = new Set(STATIC_MODULES.flatMap((m) => [`${m}_module`, `mod_${m}.c`, `${m}.c`]));
  const listens: ListenAddress[] = [];
  const problems: ConfigProblem[] = [];
  let serverRoot = options.serverRoot;
  let runtimeDir: string | undefined;
  let pidFile: string | undefined;
  let errorLog: string | undefined;
  const rooted = (p: string): string => (isAbsolute(p) ? p : join(serverRoot, p));

  const readFile = (file: string, depth: number): void => {
    const text = files.readText(file);
    if (text === undefined) return;
    // Each open section: whether its content is read (true only for conditions that hold).
    const sections: boolean[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const lineNumber = i + 1;
      let line = lines[i] ?? '';
      while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] ?? '');
      line = line.trim();
      if (line === '' || line.startsWith('#')) continue;
      line = expandVariables(line, (n) => defines.get(n) ?? options.env[n], '${}');
      const active = sections.every(Boolean);
      if (line.startsWith('</')) {
        sections.pop();
        continue;
      }
      if (line.startsWith('<')) {
        const [name = '', ...args] = splitConfigWords(line.slice(1).replace(/>\s*$/, ''));
        sections.push(active && condition(name.toLowerCase(), args.join(' ')));
        continue;
      }
      if (!active) continue;
      const [directive = '', ...args] = splitConfigWords(line);
      const first = args[0] ?? '';
      switch (directive.toLowerCase()) {
        case 'serverroot':
          serverRoot = first;
          break;
        case 'define':
          defines.set(first, args[1] ?? '');
          break;
        case 'undefine':
          defines.delete(first);
          break;
        case 'loadmodule':
          modules.add(first);
          if (args[1] !== undefined) modules.add(basename(args[1]).replace(/\.so$/, '.c'));
          break;
        case 'defaultruntimedir':
          runtimeDir = rooted(first);
          break;
        case 'pidfile':
          pidFile = first;
          break;
        case 'errorlog':
          errorLog = first;
          break;
        case 'listen': {
          const listen = parseListen(args, file, lineNumber);
          if ('problem' in listen) problems.push({ code: 'APACHE_NO_LISTEN', message: listen.problem, file, line: lineNumber });
          else listens.push(listen);
          break;
        }
        case 'include':
        case 'includeoptional': {
          const included = expandInclude(rooted(first), files);
          if (included.length === 0 && directive.toLowerCase() === 'include') {
            problems.push({ code: 'APACHE_CONFIG_MISSING', message: `Include ${first}: no such file (apache refuses to start)`, file, line: lineNumber });
          }
          if (depth >= MAX_DEPTH) break;
          for (const next of included) readFile(next, depth + 1);
          break;
        }
      }
    }
  };

  const condition = (section: string, argument: string): boolean => {
    if (!CONDITIONS.has(section)) return false;
    const negated = argument.startsWith('!');
    const name = argument.replace(/^!/, '').trim();
    let holds = true;
    if (section === 'ifdefine') holds = defines.has(name);
    else if (section === 'ifmodule') holds = modules.has(name);
    else if (section === 'iffile') {
      const target = rooted(name.replace(/^"|"$/g, ''));
      holds = files.isFile(target) || files.listDirectory(target) !== undefined;
    }
    return negated ? !holds : holds;
  };

  if (files.readText(path) === undefined) {
    problems.push({ code: 'APACHE_CONFIG_MISSING', message: `the config file ${path} cannot be read`, file: path, line: 0 });
  }
  readFile(path, 0);
  const runtime = runtimeDir ?? join(serverRoot, 'logs');
  const pid = pidFile ?? compiled.defaultPidLog;
  const log = errorLog ?? compiled.defaultErrorLog;
  return {
    serverRoot,
    listens,
    pidFile: isAbsolute(pid) ? pid : join(runtime, pid),
    errorLog: log.startsWith('|') || log.startsWith('syslog') ? undefined : rooted(log),
    problems,
  };
}
