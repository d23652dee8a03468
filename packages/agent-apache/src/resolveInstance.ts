import { dirname, join } from 'node:path';
import type { ApacheConfig } from './ApacheConfig.js';
import type { ApacheEnvironment } from './ApacheEnvironment.js';
import { apacheDefaults } from './apacheDefaults.js';
import type { ApacheInstance } from './ApacheInstance.js';
import type { ApacheSpec } from './ApacheSpec.js';
import { commandLineDefines } from './commandLineDefines.js';
import type { CompiledDefaults } from './CompiledDefaults.js';
import { parseEnvFile } from './parseEnvFile.js';
import { probeUrl } from './probeUrl.js';
import { readApacheConfig } from './readApacheConfig.js';
import type { Refusal } from './Refusal.js';
import { resolveBinary } from './resolveBinary.js';

/**
 * An apache resource against this machine, as Debian's apache2ctl prepares apache: the config file
 * (given or the type's default); in a Debian layout (an `envvars` file beside the config)
 * APACHE_CONFDIR, `-d DIR` for a second instance (/etc/apache2-NAME) and envvars read as apache2ctl
 * sources it; then the resource's own variables. The config is read for its Listen, PidFile and
 * ErrorLog. A missing config or envfile, or nothing to ask HTTP of, is a refusal.
 */
export function resolveInstance(
  spec: ApacheSpec,
  name: string,
  baseEnv: Readonly<Record<string, string>>,
  env: ApacheEnvironment,
  compiled: CompiledDefaults,
): { readonly instance?: ApacheInstance; readonly config?: ApacheConfig; readonly refusal?: Refusal } {
  const httpd = resolveBinary(spec, env);
  const candidates = apacheDefaults[spec.type].configFiles;
  const configFile = spec.configFile ?? candidates.find((c) => env.isFile(c)) ?? candidates[0] ?? '/etc/httpd/conf/httpd.conf';
  if (!env.isFile(configFile)) {
    return { refusal: { code: 'APACHE_CONFIG_MISSING', status: 'not-configured', message: `${name}: the config file ${configFile} does not exist` } };
  }
  const confDir = dirname(configFile);
  const debian = env.isFile(join(confDir, 'envvars'));
  const envFiles = spec.envFiles ?? (debian ? [join(confDir, 'envvars')] : []);
  const preset: Record<string, string> = debian ? { APACHE_CONFDIR: confDir } : {};
  // What envvars computes inside its `if` (skipped when reading it): the instance suffix of /etc/apache2-NAME.
  const suffix = confDir.startsWith('/etc/apache2-') ? `-${confDir.slice('/etc/apache2-'.length)}` : '';
  const fromFiles: Record<string, string> = {};
  for (const file of envFiles) {
    const text = env.readText(file);
    if (text === undefined) {
      return { refusal: { code: 'APACHE_CONFIG_MISSING', status: 'not-configured', message: `${name}: the envfile ${file} cannot be read` } };
    }
    Object.assign(fromFiles, parseEnvFile(text, { ...baseEnv, SUFFIX: suffix, ...preset, ...fromFiles }));
  }
  const apacheEnv = { ...preset, ...fromFiles, ...spec.env };
  const rootArgs = debian && confDir !== compiled.httpdRoot ? ['-d', confDir] : [];
  const extra = (apacheEnv['APACHE_ARGUMENTS'] ?? '').split(/\s+/).filter((a) => a !== '');
  const args = [...rootArgs, '-f', configFile, ...spec.options, ...extra];
  const config = readApacheConfig(configFile, {
    compiled,
    serverRoot: rootArgs[1] ?? compiled.httpdRoot,
    env: { ...baseEnv, ...apacheEnv },
    defines: commandLineDefines(args),
    files: env,
  });
  const [first] = config.listens;
  const url = spec.statusUrl ?? (first === undefined ? undefined : probeUrl(first));
  if (url === undefined) {
    return {
      config,
      refusal: { code: 'APACHE_NO_LISTEN', status: 'not-configured', message: `${name}: ${configFile} (with its Includes) has no Listen, and no statusurl= is given: nothing to ask HTTP of` },
    };
  }
  const runUser = apacheEnv['APACHE_RUN_USER'];
  const lockDir = apacheEnv['APACHE_LOCK_DIR'];
  const wanted = [
    ...['APACHE_RUN_DIR', 'APACHE_LOG_DIR'].map((v) => apacheEnv[v]).filter((p): p is string => p !== undefined && p !== '').map((path) => ({ path })),
    ...(lockDir ? [{ path: lockDir, ...(runUser === undefined ? {} : { owner: runUser }) }] : []),
    { path: dirname(config.pidFile) },
  ];
  const directories = wanted.filter((d, i) => wanted.findIndex((e) => e.path === d.path) === i);
  return {
    config,
    instance: {
      name,
      httpd,
      httpdPath: env.realPath(httpd),
      configFile,
      args,
      env: apacheEnv,
      pidFile: config.pidFile,
      errorLog: config.errorLog,
      listens: config.listens,
      url,
      needsSuccess: spec.statusUrl !== undefined,
      gracefulMs: spec.gracefulMs,
      directories,
    },
  };
}
