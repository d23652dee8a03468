/**
 * The version of the control protocol (docs/control-protocol.md), carried as `v` in every request
 * and reply. It changes only when a request or reply changes incompatibly; new fields do not change it.
 */
export const controlProtocolVersion = 1;
