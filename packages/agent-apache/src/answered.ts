import type { HttpAnswer } from './HttpAnswer.js';

/** Whether an answer counts: any HTTP status for the GET on a Listen, 2xx for a statusurl. */
export function answered(answer: HttpAnswer, needsSuccess: boolean): answer is { readonly status: number } {
  return 'status' in answer && (!needsSuccess || (answer.status >= 200 && answer.status < 300));
}
