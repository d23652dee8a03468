/** A UDP datagram pulled out of a captured frame. MACs are absent for Linux cooked captures. */
export interface UdpDatagram {
  readonly srcMac: string | undefined;
  readonly dstMac: string | undefined;
  readonly srcIp: string;
  readonly dstIp: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly payload: Uint8Array;
}
