/**
 * Heartbeat's size and nesting limits (cluster-glue `ipc.h`, `ha_msg.h`). A message, trailer
 * included, longer than `maxMessageBytes` is refused both ways; nested structs go at most
 * `maxDepth` levels deep, because classic text has only 16 newline escape bytes.
 */
export const wireLimits = {
  maxMessageBytes: 262144,
  maxUncompressedBytes: 2 * 1024 * 1024,
  maxDepth: 16,
} as const;
