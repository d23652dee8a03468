/**
 * What a virtual IP resource gets unless it says otherwise: a burst of 5 gratuitous ARPs 200 ms
 * apart (IPaddr2's arp_count/arp_interval; heartbeat's IPaddr sends 10, 500 ms apart), and a
 * duplicate-address probe that waits 10 ms for an answer (IPv4 only).
 */
export const addressDefaults = {
  arpCount: 5,
  arpIntervalMs: 200,
  probeMs: 10,
} as const;
