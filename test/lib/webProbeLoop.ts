// The HTTP client loop WebClient runs inside its namespace (`ip netns exec NS node webProbeLoop.js
// URL INTERVAL_MS TIMEOUT_MS MAX_MS`): a fresh connection to URL every INTERVAL_MS, whatever the
// attempts before it are doing (a request to a dead host waits for its timeout while the next ones
// go out on time), one JSON line per finished attempt on stdout. Times are wall-clock ms with a
// fraction (performance.timeOrigin + performance.now()), comparable with the parent's. It stops by
// itself after MAX_MS, and as soon as its stdin closes (the parent is gone).
import { request } from 'node:http';

const [url, intervalArg, timeoutArg, maxArg] = process.argv.slice(2);
if (url === undefined || maxArg === undefined) {
  process.stderr.write('usage: webProbeLoop URL INTERVAL_MS TIMEOUT_MS MAX_MS\n');
  process.exit(2);
}
const intervalMs = Number(intervalArg);
const timeoutMs = Number(timeoutArg);
const wallMs = (): number => performance.timeOrigin + performance.now();
const stopAtMs = wallMs() + Number(maxArg);

/** What one attempt printed: `body` is the page's first 200 characters, for the parent to read. */
interface ProbeLine {
  readonly seq: number;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
}

function emit(line: ProbeLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function attempt(seq: number): void {
  const startedAt = wallMs();
  let done = false;
  const finish = (result: { status?: number; body?: string; error?: string }): void => {
    if (done) return;
    done = true;
    emit({ seq, startedAt, endedAt: wallMs(), ...result });
  };
  const req = request(url!, { agent: false, timeout: timeoutMs, headers: { connection: 'close' } }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      if (body.length < 200) body += chunk;
    });
    res.on('end', () => finish({ status: res.statusCode ?? 0, body: body.slice(0, 200) }));
    res.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
  });
  req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
  req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
  req.end();
}

let seq = 0;
const timer = setInterval(() => {
  if (wallMs() > stopAtMs) process.exit(0);
  attempt(seq++);
}, intervalMs);
attempt(seq++);
process.stdin.on('end', () => {
  clearInterval(timer);
  process.exit(0);
});
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
