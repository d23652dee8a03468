import type { AddressInfo } from './AddressInfo.js';

/**
 * heartbeat's IPaddr adds its address with `ifconfig <nic>:<n>`, so `ip addr` shows it labelled
 * `eth0:0`, `eth0:1`…: the lowest index no address of that interface carries yet. Undefined when
 * the label would pass the kernel's 15 characters (the address then goes on unlabelled).
 */
export function aliasLabel(nic: string, index: number, addresses: readonly AddressInfo[]): string | undefined {
  const taken = new Set(addresses.filter((a) => a.index === index).map((a) => a.label));
  for (let n = 0; ; n++) {
    const label = `${nic}:${n}`;
    if (label.length > 15) return undefined;
    if (!taken.has(label)) return label;
  }
}
