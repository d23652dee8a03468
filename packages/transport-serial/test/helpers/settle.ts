/** Lets promise chains, nextTicks and the mock binding's ticks run to quiescence. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
