import type { HttpAnswer } from './HttpAnswer.js';

/** `HTTP 404`, `ECONNREFUSED`, `no answer within 1000 ms`. */
export function describeAnswer(answer: HttpAnswer): string {
  return 'status' in answer ? `HTTP ${answer.status}` : answer.error;
}
