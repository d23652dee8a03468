/** One TCP socket of this network namespace, as /proc/net/tcp and tcp6 list it. */
export interface TcpSocket {
  /** The local address, dotted IPv4 or IPv6 (`::`, `::ffff:10.0.0.5`). */
  readonly address: string;
  readonly port: number;
  readonly state: 'listen' | 'established' | 'other';
  /** The socket's inode, to find the process that holds it (/proc/PID/fd). */
  readonly inode: number;
}
