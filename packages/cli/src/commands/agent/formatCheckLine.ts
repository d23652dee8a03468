import type { ConformanceCheck } from '@heartline/core';

const VERDICT = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;
const ID_WIDTH = 18;

/**
 * `PASS  stop-again           stop of a stopped resource answers stopped: stopped in 4 ms`. A skip
 * for the same reason as the line before (every check after the run stopped) says so in short.
 */
export function formatCheckLine(check: ConformanceCheck, previous?: ConformanceCheck): string {
  const sameSkip = check.verdict === 'skip' && previous?.verdict === 'skip' && previous.detail === check.detail;
  return `${VERDICT[check.verdict]}  ${check.id.padEnd(ID_WIDTH)} ${check.title}: ${sameSkip ? 'not run (as above)' : check.detail}`;
}
