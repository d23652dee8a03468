import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock } from '@heartline/core';
import type { HttpAnswer } from './HttpAnswer.js';

/**
 * One GET with `Connection: close` and no agent (no socket kept), its body read and dropped. An
 * answer is its status code; no answer within `timeoutMs` (on the given clock), a refused or reset
 * connection, a bad URL: the reason. https does not check certificates: the question is whether the
 * server answers, not whom to trust.
 */
export function httpGet(url: string, timeoutMs: number, clock: Clock): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: HttpAnswer): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      resolve(answer);
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ error: `not a URL: ${url}` });
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: 'GET', agent: false, headers: { Connection: 'close', 'User-Agent': 'heartline-agent-apache' }, rejectUnauthorized: false }, (res) => {
      finish({ status: res.statusCode ?? 0 });
      res.resume();
      res.on('error', () => undefined);
    });
    const timer = clock.setTimeout(() => {
      finish({ error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
    req.end();
  });
}
