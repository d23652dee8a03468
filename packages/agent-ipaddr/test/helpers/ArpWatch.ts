import { spawn, type ChildProcess } from 'node:child_process';

/** One ARP frame as tcpdump -e -tt -n prints it. */
export interface ArpFrame {
  readonly atMs: number;
  readonly from: string;
  readonly text: string;
}

/** tcpdump on an interface of a namespace, ARP only, every frame kept with its capture time (epoch ms). */
export class ArpWatch {
  readonly frames: ArpFrame[] = [];
  private readonly child: ChildProcess;
  private readonly listening: Promise<void>;

  constructor(ns: string, iface: string) {
    this.child = spawn('ip', ['netns', 'exec', ns, 'tcpdump', '--immediate-mode', '-l', '-n', '-e', '-tt', '-i', iface, 'arp'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^(\d+\.\d+) ([0-9a-f:]{17}) > /.exec(line);
        if (match !== null) this.frames.push({ atMs: Number(match[1]) * 1000, from: match[2] ?? '', text: line });
      }
    });
    this.listening = new Promise((resolve, reject) => {
      let stderr = '';
      this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('listening on')) resolve();
      });
      this.child.once('exit', (code) => reject(new Error(`tcpdump exited ${code}: ${stderr}`)));
    });
  }

  ready(): Promise<void> {
    return this.listening;
  }

  /**
   * Gratuitous ARPs for `ip`: requests `who-has IP tell IP` (arping -U's carry a broadcast target
   * MAC, which tcpdump shows in brackets) and replies `IP is-at`.
   */
  gratuitous(ip: string): { readonly requests: ArpFrame[]; readonly replies: ArpFrame[] } {
    const quoted = ip.replace(/\./g, '\\.');
    const request = new RegExp(`Request who-has ${quoted}( \\([0-9a-f:]{17}\\))? tell ${quoted},`);
    return {
      requests: this.frames.filter((f) => request.test(f.text)),
      replies: this.frames.filter((f) => f.text.includes(`Reply ${ip} is-at `)),
    };
  }

  /** Stops tcpdump (the process this watch started). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
