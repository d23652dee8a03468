import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { waitUntil } from './waitUntil.js';

// Node cannot bind a UNIX datagram socket, so a few lines of Python play systemd's notify socket.
// Descriptors passed along (systemd-notify's BARRIER=1 pipe) are closed, as systemd does, so that
// systemd-notify sees its barrier pass; each datagram is printed as one JSON string on a line.
const RECEIVER = `
import json, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print(json.dumps("LISTENING"), flush=True)
while True:
    data, ancillary, _flags, _addr = s.recvmsg(65536, socket.CMSG_SPACE(64 * 4))
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            for i in range(0, len(payload) - len(payload) % 4, 4):
                os.close(int.from_bytes(payload[i:i + 4], sys.byteorder))
    print(json.dumps(data.decode("utf-8", "replace")), flush=True)
`;

/** A stand-in for $NOTIFY_SOCKET: collects what `systemd-notify` sends, one datagram at a time. */
export class FakeNotifySocket {
  readonly datagrams: string[] = [];
  private readonly child: ChildProcess;
  private listening = false;

  constructor(readonly path: string) {
    rmSync(path, { force: true });
    this.child = spawn('python3', ['-u', '-c', RECEIVER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const text = JSON.parse(buffered.slice(0, nl)) as string;
        buffered = buffered.slice(nl + 1);
        if (text === 'LISTENING' && !this.listening) this.listening = true;
        else this.datagrams.push(text);
      }
    });
  }

  async ready(): Promise<void> {
    await waitUntil(`the fake notify socket ${this.path}`, () => (this.listening && existsSync(this.path) ? true : undefined), { timeoutMs: 10_000, intervalMs: 50 });
  }

  /** The first datagram that holds `assignment` (e.g. READY=1) as one of its lines. */
  waitFor(assignment: string, timeoutMs: number): Promise<string> {
    return waitUntil(`${assignment} on ${this.path}`, () => this.datagrams.find((d) => d.split('\n').includes(assignment)), { timeoutMs, intervalMs: 50 });
  }

  close(): void {
    this.child.kill('SIGKILL');
    rmSync(this.path, { force: true });
  }
}
