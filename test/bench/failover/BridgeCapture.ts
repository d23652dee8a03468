import { spawn, type ChildProcess } from 'node:child_process';
import { onLines } from '@heartline/core/testing';
import type { BridgeFrame } from './BridgeFrame.js';

const LINE = /^(\d+\.\d+) ([0-9a-f:]{17}) > ([0-9a-f:]{17}), ethertype (ARP|IPv4) \(0x[0-9a-f]+\), length (\d+): (.*)$/;

/*
 * Cluster datagrams whose first field is `(0)t=status` (netstring `11:(0)t=status,` right after
 * `###\n`, where heartbeat 3.0.6 and Heartline both put the type): statuses only, the one message
 * that keeps a node alive; ACKs and retransmissions keep only its links up.
 */
const STATUS = 'udp port 694 and udp[12:4] = 0x31313a28 and udp[16:4] = 0x3029743d and udp[20:4] = 0x73746174 and udp[24:2] = 0x7573';

/**
 * tcpdump on the lab's bridge (where every node's frames pass), ARP and the cluster's status
 * messages only: the gratuitous ARPs of a takeover, the answers to the ARP prober, and the nodes'
 * heartbeats (the owner's last status before its power cut). `forget` drops what was read, so a
 * long run keeps memory flat.
 */
export class BridgeCapture {
  frames: BridgeFrame[] = [];
  private readonly child: ChildProcess;
  private readonly listening: Promise<void>;

  constructor(bridgeNs: string, bridge = 'br0') {
    this.child = spawn('ip', ['netns', 'exec', bridgeNs, 'tcpdump', '--immediate-mode', '-l', '-n', '-e', '-tt', '-i', bridge, `arp or (${STATUS})`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onLines(this.child.stdout, (line) => {
      const m = LINE.exec(line);
      if (m === null) return;
      const kind = m[4] === 'ARP' ? 'arp' : 'status';
      const srcIp = kind === 'status' ? /^(\d+\.\d+\.\d+\.\d+)\.\d+ > /.exec(m[6] ?? '')?.[1] : undefined;
      this.frames.push({ atMs: Number(m[1]) * 1000, srcMac: m[2]!, dstMac: m[3]!, kind, srcIp, length: Number(m[5]), text: m[6]! });
    });
    this.listening = new Promise((resolve, reject) => {
      let stderr = '';
      this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('listening on')) resolve();
      });
      this.child.once('exit', (code) => reject(new Error(`tcpdump on the bridge exited ${code}: ${stderr}`)));
    });
  }

  ready(): Promise<void> {
    return this.listening;
  }

  /** Frames captured at or after `fromMs` (epoch) that satisfy `test`. */
  since(fromMs: number, test: (frame: BridgeFrame) => boolean = () => true): BridgeFrame[] {
    return this.frames.filter((f) => f.atMs >= fromMs && test(f));
  }

  /** Drops the frames captured before `beforeMs` (epoch). */
  forget(beforeMs: number): void {
    this.frames = this.frames.filter((f) => f.atMs >= beforeMs);
  }

  /** Stops tcpdump (the process this capture started, by its PID). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
