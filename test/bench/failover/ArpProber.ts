import { spawn, type ChildProcess } from 'node:child_process';

/*
 * A broadcast ARP request for TARGET from IFACE's own address every INTERVAL ms, through a packet
 * socket: iputils' arping takes whole seconds only, and switches to unicast once answered (a dead
 * owner's MAC would then be asked forever). Perl because the node containers already need it and
 * Node has no packet sockets. Sends only (protocol 0: the socket receives nothing).
 */
const PROBE_SCRIPT = String.raw`
use strict; use Socket;
my ($if, $sip, $tip, $ms) = @ARGV;
sub slurp { open(my $h, '<', $_[0]) or die "$_[0]: $!"; local $/; my $v = <$h>; chomp $v; return $v }
my $index = slurp("/sys/class/net/$if/ifindex");
my $mac = pack('H12', join('', split(/:/, slurp("/sys/class/net/$if/address"))));
socket(my $s, 17, 3, 0) or die "packet socket: $!";
my $to = pack('S n i S C C a8', 17, 0x0806, $index, 1, 0, 6, $mac);
my $frame = ("\xff" x 6) . $mac . pack('n', 0x0806) . pack('n n C C n', 1, 0x0800, 6, 4, 1) . $mac . inet_aton($sip) . ("\0" x 6) . inet_aton($tip);
while (1) { send($s, $frame, 0, $to) or die "send: $!"; select(undef, undef, undef, $ms / 1000); }
`;

/**
 * The second client of a failover: asks "who has the VIP?" every `intervalMs` from its namespace;
 * tcpdump on the bridge sees which MAC answers and when (an ARP-level view of the outage that no
 * cache or gratuitous ARP hides).
 */
export class ArpProber {
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(ns: string, iface: string, ownAddress: string, target: string, intervalMs = 10) {
    this.child = spawn('ip', ['netns', 'exec', ns, 'perl', '-e', PROBE_SCRIPT, iface, ownAddress, target, String(intervalMs)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
  }

  /** Throws when the prober died (its error in the message). */
  check(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the ARP prober exited ${this.child.exitCode ?? this.child.signalCode}: ${this.stderr.trim()}`);
  }

  /** Stops it (`ip netns exec` execs perl: the child's PID is the prober's). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
