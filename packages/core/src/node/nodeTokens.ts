/**
 * Injection tokens of one node's child container. `Symbol.for` so that plugins carrying their own
 * copy of core still name the same tokens.
 */
export const nodeTokens = {
  clock: Symbol.for('heartline.clock'),
  logger: Symbol.for('heartline.logger'),
  nodeName: Symbol.for('heartline.nodeName'),
  haCf: Symbol.for('heartline.haCf'),
  transportContext: Symbol.for('heartline.transportContext'),
  membership: Symbol.for('heartline.membership'),
  clusterNode: Symbol.for('heartline.clusterNode'),
} as const;
