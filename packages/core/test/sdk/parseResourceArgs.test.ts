import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResourceArgs } from '../../src/resources/parseResourceArgs.js';
import { resourceIssue } from '../../src/resources/resourceIssue.js';
import { agentResults } from '../../src/resources/agentResults.js';
import type { ResourceArgsSpec } from '../../src/resources/ResourceArgsSpec.js';
import { resourceRef } from '../../src/testing/resourceRef.js';

const absolute = (v: string) => (v.startsWith('/') ? undefined : 'must be an absolute path');
const spec: ResourceArgsSpec = {
  usage: 'Hello::/path/of/file[::mode][::greeting=TEXT]',
  positional: [{ name: 'path', required: true, check: absolute }, { name: 'mode' }],
  named: [{ name: 'greeting' }, { name: 'owner', check: (v) => (/^[a-z]+$/.test(v) ? undefined : 'must be a user name') }],
};

test('positional arguments fill their slots in order, name=value ones their parameter, wherever they stand', () => {
  assert.deepEqual(parseResourceArgs(['/run/a'], spec), { values: { path: '/run/a' }, problems: [] });
  assert.deepEqual(parseResourceArgs(['greeting=Hi there', '/run/a', '0644'], spec), {
    values: { greeting: 'Hi there', path: '/run/a', mode: '0644' },
    problems: [],
  });
  // An = in a value is kept; a name the spec does not list is a positional argument.
  assert.deepEqual(parseResourceArgs(['/run/a', 'x=y', 'greeting=a=b'], spec).values, { path: '/run/a', mode: 'x=y', greeting: 'a=b' });
});

test('every problem at once, each naming the argument and ending with the usage', () => {
  const parsed = parseResourceArgs(['run/a', '0644', 'extra', 'greeting=1', 'greeting=2', 'owner=Root'], spec);
  assert.deepEqual(parsed.problems, [
    'path "run/a": must be an absolute path (write Hello::/path/of/file[::mode][::greeting=TEXT])',
    'one argument too many: "extra" (write Hello::/path/of/file[::mode][::greeting=TEXT])',
    'greeting is given twice (write Hello::/path/of/file[::mode][::greeting=TEXT])',
    'owner "Root": must be a user name (write Hello::/path/of/file[::mode][::greeting=TEXT])',
  ]);
  assert.deepEqual(parsed.values, { mode: '0644', greeting: '1' });
  assert.deepEqual(parseResourceArgs([], spec).problems, ['path is missing (write Hello::/path/of/file[::mode][::greeting=TEXT])']);
  assert.deepEqual(parseResourceArgs(['/a', 'm', 'colour=red'], spec).problems, [
    'unknown parameter "colour" (it takes greeting, owner) (write Hello::/path/of/file[::mode][::greeting=TEXT])',
  ]);
});

test('resourceIssue places the problem at the resource, prefixed with it, with the catalogued hint', () => {
  const resource = resourceRef('Hello::run/a');
  const issue = resourceIssue(resource, 'RESOURCE_BAD_ARGUMENTS', 'path "run/a": must be an absolute path');
  assert.deepEqual(issue, {
    file: '/etc/ha.d/haresources',
    line: 4,
    column: 7,
    code: 'RESOURCE_BAD_ARGUMENTS',
    severity: 'error',
    message: 'Hello::run/a: path "run/a": must be an absolute path',
    hint: issue.hint,
  });
  assert.match(issue.hint, /Type::\/absolute\/path::name=value/);
  assert.equal(resourceIssue(resource, 'RESOURCE_BAD_ARGUMENTS', 'x', { severity: 'warning', hint: 'Do y.' }).hint, 'Do y.');
});

test('agentResults builds every AgentResult', () => {
  assert.deepEqual(
    [
      agentResults.running(),
      agentResults.stopped(),
      agentResults.failed('port in use'),
      agentResults.failed('port in use', 1),
      agentResults.timedOut(500),
      agentResults.notInstalled('no binary'),
      agentResults.notConfigured('no file'),
    ],
    [
      { status: 'running' },
      { status: 'stopped' },
      { status: 'failed', reason: 'port in use' },
      { status: 'failed', reason: 'port in use', code: 1 },
      { status: 'timed-out', afterMs: 500 },
      { status: 'not-installed', reason: 'no binary' },
      { status: 'not-configured', reason: 'no file' },
    ],
  );
});
