import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sdk from '../../src/sdk.js';
import type { AgentContext, AgentResult, ConfigIssue, ResourceAgent, ResourceInstance, ResourceRef, ValidateContext } from '../../src/sdk.js';

// @heartline/core/sdk is stable for plugin API 1: what an agent imports from it stays, and an agent
// written against the interfaces as they were when API 1 was frozen still type-checks and runs.

/** Every value the SDK exported when plugin API 1 was frozen: may grow, never shrink. */
const apiV1Values = [
  'ExecaCommandRunner', 'agentResults', 'describeResult', 'formatRunning', 'isExecutableFile', 'lastOutputLine', 'nodeTokens',
  'parseResourceArgs', 'pluginApiVersion', 'refusedResult', 'resourceIssue', 'runLogged', 'runResourceScript', 'scriptResult',
  'scriptStatus', 'unfinishedResult',
];

test('the SDK still exports every value of plugin API 1', () => {
  assert.deepEqual(apiV1Values.filter((name) => !(name in sdk)), []);
  assert.equal(sdk.pluginApiVersion, 1);
});

// The contract of API 1 as agents were written against it (copied, not imported: a change to the
// SDK's types that breaks these agents fails the build of this file).
interface V1Location { readonly file: string; readonly line: number; readonly column: number }
interface V1Instance { readonly spec: string; readonly type: string; readonly args: readonly string[] }
interface V1Resource { readonly text: string; readonly spec: string; readonly type: string; readonly args: readonly string[]; readonly where: V1Location }
interface V1ValidateContext { readonly haDir: string; readonly initDir: string; readonly env?: Readonly<Record<string, string>> }
type V1Result =
  | { readonly status: 'running' }
  | { readonly status: 'stopped' }
  | { readonly status: 'failed'; readonly reason: string; readonly code?: number }
  | { readonly status: 'timed-out'; readonly afterMs: number }
  | { readonly status: 'not-installed' | 'not-configured'; readonly reason: string };
interface V1Context {
  readonly nodeName: string;
  readonly logger: { info(message: string): void; warn(message: string): void; error(message: string): void; debug(message: string): void };
  readonly clock: { now(): number };
  readonly commands: { run(request: { file: string; args: readonly string[]; timeoutMs: number; env?: Readonly<Record<string, string>> }): Promise<{ exitCode: number | undefined; stdout: string; stderr: string; timedOut: boolean }> };
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly haDir: string;
  readonly initDir: string;
  readonly env: Readonly<Record<string, string>>;
}
interface V1Agent {
  readonly type: string;
  validate: (resource: V1Resource, context: V1ValidateContext) => ConfigIssue[];
  start: (resource: V1Instance, context: V1Context) => Promise<V1Result>;
  stop: (resource: V1Instance, context: V1Context) => Promise<V1Result>;
  status: (resource: V1Instance, context: V1Context) => Promise<V1Result>;
  readonly monitoredByDefault?: boolean;
}

type Assignable<From, To> = [From] extends [To] ? true : false;
const checks: Record<string, true> = {
  'a v1 agent is a ResourceAgent': true satisfies Assignable<V1Agent, ResourceAgent>,
  'what core passes to start/stop/status is what a v1 agent reads': true satisfies Assignable<ResourceInstance, V1Instance>,
  'the context core passes has everything a v1 agent reads': true satisfies Assignable<AgentContext, V1Context>,
  'validate gets what a v1 agent reads': true satisfies Assignable<ResourceRef, V1Resource> & Assignable<ValidateContext, V1ValidateContext>,
  'every v1 result is still a result': true satisfies Assignable<V1Result, AgentResult>,
};

test('agents written against the API 1 interfaces type-check against the SDK (checked at build)', () => {
  assert.equal(Object.values(checks).every((v) => v), true);
});

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

test('importing the SDK loads neither tsyringe nor reflect-metadata (an agent pays for what it uses)', () => {
  const seen = new Set<string>();
  const todo = [fileURLToPath(new URL('../../src/sdk.js', import.meta.url))];
  const external = new Set<string>();
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      if (specifier.startsWith('.')) todo.push(resolve(dirname(file), specifier));
      else external.add(createRequire(file).resolve(specifier));
    }
  }
  assert.deepEqual([...external], [], 'the SDK imports only its own files and Node (execa is imported by the runner when it first runs)');
  assert.ok(seen.size < 30, `${seen.size} files`);
});
