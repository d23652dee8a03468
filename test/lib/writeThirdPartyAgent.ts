import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ThirdPartyAgentOptions {
  /** npm name, e.g. `@acme/heartline-agent-marker`. */
  readonly name: string;
  readonly version: string;
  /** The haresources type it serves. */
  readonly type: string;
  /** `heartline.apiVersion` it declares (this Heartline implements 1). */
  readonly apiVersion: number;
  /** Its peerDependencies range on @heartline/core. */
  readonly coreRange: string;
}

const agentSource = (type: string): string => `import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

/**
 * A resource agent for heartbeat's haresources type ${type}: \`${type}::/path/of/a/marker\`. The
 * resource runs while the marker file exists; it holds the name of the host that started it.
 * @implements {import('@heartline/core').ResourceAgent}
 */
export class MarkerAgent {
  type = '${type}';

  validate(resource) {
    const path = resource.args[0];
    if (path !== undefined && path.startsWith('/')) return [];
    return [{ ...resource.where, code: 'RESOURCE_SCRIPT_MISSING', severity: 'error',
      message: resource.text + ': needs the absolute path of its marker file (${type}::/run/NAME)', hint: 'Write ${type}::/run/NAME.' }];
  }

  async start(resource) {
    const path = resource.args[0];
    if (!existsSync(dirname(path))) return { status: 'not-configured', reason: dirname(path) + ' does not exist' };
    writeFileSync(path, hostname() + '\\n');
    return { status: 'running' };
  }

  async stop(resource) {
    rmSync(resource.args[0], { force: true });
    return { status: 'stopped' };
  }

  async status(resource) {
    return { status: existsSync(resource.args[0]) ? 'running' : 'stopped' };
  }
}
`;

/**
 * Writes a third-party agent package into `dir`, shaped as a Heartline plugin is (an oclif plugin
 * with a \`heartline\` manifest, peer-depending on @heartline/core), ready for `npm publish dir`.
 */
export function writeThirdPartyAgent(dir: string, options: ThirdPartyAgentOptions): void {
  mkdirSync(dir, { recursive: true });
  const pjson = {
    name: options.name,
    version: options.version,
    description: `A ${options.type} resource agent for Heartline, from outside the project`,
    type: 'module',
    license: 'MIT',
    engines: { node: '>=20.19' },
    main: './MarkerAgent.js',
    exports: { '.': './MarkerAgent.js' },
    files: ['MarkerAgent.js', 'README.md'],
    peerDependencies: { '@heartline/core': options.coreRange },
    oclif: {},
    heartline: { apiVersion: options.apiVersion, agents: { [options.type]: './MarkerAgent.js#MarkerAgent' } },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pjson, null, 2)}\n`);
  writeFileSync(join(dir, 'MarkerAgent.js'), agentSource(options.type));
  writeFileSync(join(dir, 'README.md'), `# ${options.name}\n\nThe haresources type \`${options.type}::/run/NAME\` for Heartline.\n`);
}
