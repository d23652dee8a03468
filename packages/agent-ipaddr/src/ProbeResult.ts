/** What the duplicate-address probe found. */
export type ProbeResult =
  | { readonly status: 'free' }
  | { readonly status: 'in-use'; readonly mac: string }
  | { readonly status: 'failed'; readonly reason: string };
