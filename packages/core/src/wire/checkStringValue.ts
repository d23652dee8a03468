import { HaError } from '../errors/HaError.js';
import { isWellFormed } from './encodedName.js';

/** Heartbeat keeps string values as C strings: no NUL, and they must survive UTF-8. */
export function checkStringValue(name: string, value: string): void {
  if (value.includes('\0')) {
    throw new HaError('WIRE_UNENCODABLE', `value of field ${JSON.stringify(name)} contains NUL`);
  }
  if (!isWellFormed(value)) {
    throw new HaError('WIRE_UNENCODABLE', `value of field ${JSON.stringify(name)} contains an unpaired surrogate`);
  }
}
