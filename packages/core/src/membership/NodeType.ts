/** A cluster node from `node` lines, or a ping pseudo-node from `ping`/`ping_group`. */
export type NodeType = 'normal' | 'ping';
