import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { e2eSkipReason } from '@heartline/core/testing';
import { CTS_COMMANDS } from '../cts/ctsCommands.js';
import { ctsTable } from '../cts/ctsTable.js';
import { runCts } from '../cts/CtsRunner.js';
import { FAULT_CATALOGUE } from '../cts/faultCatalogue.js';

// The CTS-style fault run (docs/cts.md) in CI: 30 faults of every kind with a fixed seed on two
// Heartline nodes (bcast and a serial cable, keepalive 200 ms, deadtime 1 s), each checked for
// "never twice" all along and for its expected placement once recovered. A failure prints the seed
// and the fault sequence; `npm run cts -- --faults 30 --seed 23` replays it.
const skip = e2eSkipReason({ root: true, commands: CTS_COMMANDS });

const SEED = 23;
const FAULTS = 30;

describe('CTS fault run on real processes', { skip }, () => {
  test(`${FAULTS} faults, seed ${SEED}, Heartline on both nodes: all recovered, no invariant violated`, { timeout: 900_000 }, async (t) => {
    const report = await runCts({ faults: FAULTS, seed: SEED, mode: 'heartline', print: (line) => t.diagnostic(line) });
    t.diagnostic(`\n${ctsTable(report)}`);
    const failed = report.faults.filter((r) => r.outcome !== 'recovered').map((r) => `fault ${r.index} (${r.kind}): ${r.outcome}: ${r.detail}`);
    const sequence = report.faults.map((r) => `${r.index}. ${r.kind}`).join(', ');
    assert.deepEqual(failed, [], `seed ${SEED}; sequence: ${sequence}`);
    assert.equal(report.faults.length, FAULTS);
    const kinds = new Set(report.faults.map((r) => r.kind));
    assert.deepEqual(FAULT_CATALOGUE.map((f) => f.kind).filter((k) => !kinds.has(k)), [], 'every fault kind ran');
  });
});
