import { ByteWriter } from './ByteWriter.js';

/**
 * The one buffer the synchronous encoders write into before copying the result out. Shared on
 * purpose: it grows to the largest message once instead of allocating per message.
 */
export const scratchWriter = new ByteWriter();
