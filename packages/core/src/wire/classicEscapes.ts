/**
 * Classic text keeps one message per line set, so newlines inside values are swapped for bytes
 * that cannot otherwise appear: 0x13 inside string values, and for a nested struct at depth d
 * the d-th byte below (cluster-glue `SPECIAL_SYM`, `SPECIAL_SYMS`).
 */
export const classicEscapes = {
  stringNewline: 0x13,
  structNewline: [0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x0f, 0x10, 0x11, 0x12] as const,
} as const;
