/**
 * Every check of an agent conformance run, in the order they are run and reported, with the
 * requirement each stands for: what the daemon relies on when it takes, gives and monitors groups.
 */
export const conformanceChecks = {
  validate: 'validate finds no error in the resource',
  'status-before': 'status before the test answers stopped',
  'stop-never-started': 'stop of a resource never started answers stopped',
  start: 'start answers running',
  'status-after-start': 'status after start answers running',
  'start-again': 'start of a running resource answers running, and it still runs',
  stop: 'stop answers stopped',
  'status-after-stop': 'status after stop answers stopped',
  'stop-again': 'stop of a stopped resource answers stopped',
  'status-tells': 'status tells running from stopped',
  'no-leftovers': 'no process started for the resource is left after stop',
  'failed-start': 'a failed start leaves nothing running once stopped',
  timeouts: 'every operation returns within its timeout',
} as const;
