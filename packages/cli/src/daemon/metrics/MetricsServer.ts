import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@heartline/core';

/** What the server serves: the exposition text and its content type. */
export interface MetricsRenderer {
  readonly contentType: string;
  render(): Promise<string>;
}

/**
 * The HTTP side of the endpoint: GET (and HEAD) /metrics, nothing else (404; 405 for another
 * method on /metrics). No body is read, no path is looked up on disk.
 */
export class MetricsServer {
  private readonly server: Server;

  constructor(
    private readonly renderer: MetricsRenderer,
    private readonly logger: Logger,
  ) {
    this.server = createServer((request, response) => this.answer(request, response));
    // A scraper that opens connections and sends nothing must not hold them forever.
    this.server.headersTimeout = 10_000;
    this.server.requestTimeout = 10_000;
  }

  /** Rejects with the system's error (EADDRINUSE, EADDRNOTAVAIL, EACCES) when it cannot listen. */
  listen(host: string, port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      this.server.once('error', failed);
      this.server.listen({ host, port }, () => {
        this.server.off('error', failed);
        this.server.on('error', (error) => this.logger.error(`metrics endpoint: ${error.message}`));
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close(() => resolve());
      // Prometheus keeps its connection open between scrapes.
      this.server.closeAllConnections();
    });
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: Heartline serves /metrics only.\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed: GET /metrics.\n');
      return;
    }
    this.renderer.render().then(
      (text) => {
        response.writeHead(200, { 'content-type': this.renderer.contentType, 'content-length': Buffer.byteLength(text) });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        this.logger.error(`metrics endpoint: a scrape failed: ${(error as Error).stack ?? String(error)}`);
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Scrape failed; see the Heartline log.\n');
      },
    );
  }
}
