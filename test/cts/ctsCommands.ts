/** What the lab and the faults run on the host (the CTS run and its CI test are skipped without them). */
export const CTS_COMMANDS: readonly string[] = ['ip', 'unshare', 'nsenter', 'nft', 'mount', 'socat'];
