import { createSocket, type RemoteInfo } from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A hostile host on the lab's LAN, run as a script inside a namespace (see UdpAttacker):
 *
 *   capture BIND_ADDRESS PORT FROM_ADDRESS COUNT TIMEOUT_MS OUT_FILE
 *     keeps the first COUNT datagrams from FROM_ADDRESS (base64, one a line), as any host on a
 *     broadcast LAN can;
 *   flood BIND_ADDRESS TO_ADDRESS PORT PACKETS_FILE COUNT RATE_PER_S
 *     sends COUNT datagrams, the file's packets in turn, at up to RATE_PER_S, and prints
 *     `{"sent":N,"failed":N,"ms":N}`.
 */
const [mode, ...args] = process.argv.slice(2);
if (mode === 'capture') capture(args);
else if (mode === 'flood') flood(args);
else {
  process.stderr.write(`usage: capture|flood ... (got ${mode ?? 'nothing'})\n`);
  process.exit(2);
}

function capture([bind, port, from, count, timeoutMs, out]: string[]): void {
  const wanted = Number(count);
  const kept: string[] = [];
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  const finish = (): void => {
    writeFileSync(out!, kept.map((k) => `${k}\n`).join(''));
    socket.close();
    process.exit(kept.length >= wanted ? 0 : 1);
  };
  setTimeout(finish, Number(timeoutMs));
  socket.on('message', (datagram: Buffer, rinfo: RemoteInfo) => {
    if (rinfo.address !== from) return;
    kept.push(datagram.toString('base64'));
    if (kept.length >= wanted) finish();
  });
  socket.bind(Number(port), bind);
}

function flood([bind, to, port, file, count, rate]: string[]): void {
  const packets = readFileSync(file!, 'utf8').split('\n').filter(Boolean).map((l) => Buffer.from(l, 'base64'));
  const total = Number(count);
  const perMs = Number(rate) / 1000;
  const socket = createSocket('udp4');
  let sent = 0;
  let failed = 0;
  let queued = 0;
  let inFlight = 0;
  const start = performance.now();
  socket.bind(0, bind, () => {
    socket.setBroadcast(true);
    // A send window and a rate: the kernel neither refuses sends (ENOBUFS) nor gets them faster
    // than RATE_PER_S.
    const pump = (): void => {
      const allowed = Math.min(total, Math.floor((performance.now() - start) * perMs) + 1);
      while (queued < allowed && inFlight < 256) {
        const packet = packets[queued % packets.length]!;
        queued += 1;
        inFlight += 1;
        socket.send(packet, Number(port), to, (error) => {
          inFlight -= 1;
          if (error) failed += 1;
          else sent += 1;
          if (sent + failed === total) {
            process.stdout.write(`${JSON.stringify({ sent, failed, ms: Math.round(performance.now() - start) })}\n`);
            socket.close();
          }
        });
      }
      if (queued < total) setTimeout(pump, 1);
    };
    pump();
  });
}
