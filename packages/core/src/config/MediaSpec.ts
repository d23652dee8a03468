import type { SourceLocation } from './SourceLocation.js';

/**
 * One heartbeat medium from ha.cf, with the values in force where its line was read (heartbeat
 * applies `udpport` and `baud` in file order). `bcast eth0 eth1` gives two specs.
 */
export type MediaSpec =
  | { readonly kind: 'bcast'; readonly interface: string; readonly port: number; readonly where: SourceLocation }
  | {
      readonly kind: 'mcast' | 'mcast6';
      readonly interface: string;
      readonly group: string;
      readonly port: number;
      readonly ttl: number;
      readonly loop: boolean;
      readonly where: SourceLocation;
    }
  | {
      readonly kind: 'ucast' | 'ucast6';
      readonly interface: string;
      readonly peer: string;
      readonly port: number;
      readonly where: SourceLocation;
    }
  | { readonly kind: 'serial'; readonly device: string; readonly baud: number; readonly where: SourceLocation };

export type MediaKind = MediaSpec['kind'];
