import type { LabNode } from '../../lib/LabNode.js';
import type { RunTimes } from './RunTimes.js';

/**
 * bash on the node runs the command `warmUps + runs` times and times each run with its `time`
 * keyword: real (wall) and the command's own user + sys, at 1 ms resolution, from inside the node,
 * so entering the node (nsenter) is not counted. The first run's output (as printf %q shows it)
 * and exit code are kept to show what was answered.
 */
const SCRIPT = `
n=$1; shift
out=$("$@" 2>&1); code=$?; echo "answer $code $(printf '%q' "$out")"
TIMEFORMAT='times %3R %3U %3S'
for ((i = 0; i < n; i++)); do { time "$@" >/dev/null 2>&1; } 2>&1; done
`;

export async function timeRuns(node: LabNode, command: readonly string[], runs: number, warmUps: number, env: NodeJS.ProcessEnv): Promise<RunTimes> {
  const result = await node.exec('bash', ['-c', SCRIPT, 'bash', String(warmUps + runs), ...command], { env, timeoutMs: 30_000 + runs * 5_000 });
  if (result.code !== 0) throw new Error(`${node.name}: timing ${command.join(' ')} failed (${result.code}): ${result.stderr}`);
  const lines = result.stdout.split('\n');
  const answerLine = lines.find((l) => l.startsWith('answer ')) ?? 'answer ? ';
  const [, code = '?', ...words] = answerLine.split(' ');
  const printed = words.join(' ');
  const times = lines.filter((l) => l.startsWith('times ')).map((l) => l.split(' ').slice(1).map(Number) as [number, number, number]);
  if (times.length !== warmUps + runs) throw new Error(`${node.name}: ${times.length} timings of ${command.join(' ')}, not ${warmUps + runs}: ${result.stdout}`);
  const measured = times.slice(warmUps);
  return {
    wallMs: measured.map(([real]) => real * 1000),
    cpuMs: measured.map(([, user, sys]) => (user + sys) * 1000),
    answer: `${printed.length > 40 ? `${printed.slice(0, 37)}...` : printed} (exit ${code})`,
  };
}

