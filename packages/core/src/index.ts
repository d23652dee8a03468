import 'reflect-metadata';

export type { Clock, Timer } from './time/Clock.js';
export { SystemClock } from './time/SystemClock.js';
export { ManualClock } from './time/ManualClock.js';

export { HaError, isHaError, type HaErrorOptions } from './errors/HaError.js';
export { errorCatalogue, type ErrorCode, type ErrorSpec } from './errors/errorCatalogue.js';

export type { Logger, LogSink, LogRecord, LogLevel, LogFields } from './log/Logger.js';
export { StructuredLogger } from './log/StructuredLogger.js';
export { MemorySink } from './log/MemorySink.js';
