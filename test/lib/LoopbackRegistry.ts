import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Packument {
  name: string;
  'dist-tags': Record<string, string>;
  versions: Record<string, { dist: { tarball: string } } & Record<string, unknown>>;
}

interface PublishBody {
  readonly name: string;
  readonly 'dist-tags'?: Record<string, string>;
  readonly versions: Packument['versions'];
  readonly _attachments?: Record<string, { readonly data: string }>;
}

/**
 * An npm registry on 127.0.0.1, in memory, with just what `npm publish` and `npm install` use: PUT
 * of a package document with its tarball attached, GET of the document and of the tarball. Any
 * token is accepted. Point only the scopes under test at it (`@scope:registry=URL` in an npmrc): every
 * other package comes from the machine's own registry, so no uplink is needed.
 */
export class LoopbackRegistry {
  private readonly packuments = new Map<string, Packument>();
  private readonly tarballs = new Map<string, Buffer>();

  private readonly server: Server = createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => reply(res, 500, { error: String(error) }));
  });
  /** `http://127.0.0.1:PORT/`, once started. */
  url = '';

  private constructor() {}

  static async start(): Promise<LoopbackRegistry> {
    const registry = new LoopbackRegistry();
    await new Promise<void>((resolve, reject) => {
      registry.server.once('error', reject);
      registry.server.listen(0, '127.0.0.1', resolve);
    });
    registry.url = `http://127.0.0.1:${(registry.server.address() as AddressInfo).port}/`;
    return registry;
  }

  /** The versions published of `name`. */
  versions(name: string): string[] {
    return Object.keys(this.packuments.get(name)?.versions ?? {});
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', this.url).pathname).slice(1);
    if (req.method === 'PUT') return this.publish(path, JSON.parse(await readBody(req)) as PublishBody, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, { error: `${req.method} not supported` });
    const tarball = this.tarballs.get(path);
    if (tarball !== undefined) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length });
      res.end(req.method === 'HEAD' ? undefined : tarball);
      return;
    }
    const packument = this.packuments.get(path);
    if (packument === undefined) return reply(res, 404, { error: 'not found' });
    reply(res, 200, packument);
  }

  private publish(name: string, body: PublishBody, res: ServerResponse): void {
    if (body.name !== name) return reply(res, 400, { error: `document for ${body.name} sent to ${name}` });
    const packument = this.packuments.get(name) ?? { name, 'dist-tags': {}, versions: {} };
    for (const [version, manifest] of Object.entries(body.versions)) {
      if (version in packument.versions) return reply(res, 403, { error: `${name}@${version} is already published` });
      const file = `${name}/-/${name.split('/').pop()}-${version}.tgz`;
      const attachment = Object.values(body._attachments ?? {})[0];
      if (attachment === undefined) return reply(res, 400, { error: 'no tarball attached' });
      this.tarballs.set(file, Buffer.from(attachment.data, 'base64'));
      packument.versions[version] = { ...manifest, dist: { ...manifest.dist, tarball: `${this.url}${file}` } };
    }
    Object.assign(packument['dist-tags'], body['dist-tags']);
    this.packuments.set(name, packument);
    reply(res, 201, { ok: true });
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
