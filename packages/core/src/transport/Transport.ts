/** Which of heartbeat's two wire formats a medium carries: netstring + auth trailer (UDP), classic text (serial). */
export type WireFormat = 'netstring' | 'classic';

export type FrameListener = (frame: Uint8Array, from: string) => void;

/** Why a medium stopped or started carrying frames: serial cable unplugged, interface gone. */
export type MediumEvent = { readonly kind: 'down'; readonly reason: string } | { readonly kind: 'up' };

/**
 * One heartbeat medium, as one ha.cf media line names it ("bcast eth1", "serial /dev/ttyS0").
 * Frames are whole messages already encoded in `wireFormat`; a transport never parses them.
 */
export interface Transport {
  /** Human id for logs: the directive and its arguments. */
  readonly id: string;
  /** Heartbeat's link name: the interface for UDP media, the device path for serial. */
  readonly linkName: string;
  readonly wireFormat: WireFormat;
  /**
   * True when a failed open() keeps retrying by itself (a serial device that may appear later):
   * the node then runs on its other media meanwhile. A medium without it that fails to open stops
   * the node from starting, as in heartbeat.
   */
  readonly retriesOpen?: boolean;
  open(): Promise<void>;
  send(frame: Uint8Array): Promise<void>;
  /** Subscribes to received frames; returns the unsubscribe function. */
  onFrame(listener: FrameListener): () => void;
  /** Optional: media that can tell when they lose their carrier (a serial pty closing). */
  onMediumEvent?(listener: (event: MediumEvent) => void): () => void;
  close(): Promise<void>;
}
