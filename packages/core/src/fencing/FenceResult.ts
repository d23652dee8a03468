/**
 * What a reset (or a status check) of a STONITH device came to, in heartbeat's terms: `ok`, or a
 * failure that heartbeat reports as `result=bad` (the device failed or is not operational) or
 * `result=badhost` (the device cannot reset that node), with the reason in words.
 */
export type FenceResult =
  | { readonly status: 'ok' }
  | { readonly status: 'failed'; readonly result: 'bad' | 'badhost'; readonly reason: string };
