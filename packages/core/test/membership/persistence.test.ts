import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlibcRandom } from '../../src/membership/GlibcRandom.js';
import { uuidFromNodename } from '../../src/membership/uuidFromNodename.js';
import { formatUuid } from '../../src/wire/formatUuid.js';
import { nextGeneration } from '../../src/membership/nextGeneration.js';
import { loadLocalUuid } from '../../src/membership/loadLocalUuid.js';
import { writeHostCache } from '../../src/membership/writeHostCache.js';
import { readLoadAverage } from '../../src/membership/readLoadAverage.js';
import { MemorySink } from '../../src/log/MemorySink.js';
import { StructuredLogger } from '../../src/log/StructuredLogger.js';
import { ManualClock } from '../../src/time/ManualClock.js';

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'hl-state-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function logger(): { sink: MemorySink; logger: StructuredLogger } {
  const sink = new MemorySink();
  return { sink, logger: new StructuredLogger([sink], new ManualClock()) };
}

describe('glibc rand() and uuidfrom nodename', () => {
  // Expected values printed by a C program linked against glibc 2.36 (srand/rand and heartbeat's
  // gen_uuid_from_name copied verbatim).
  it('reproduces glibc rand()', () => {
    const one = new GlibcRandom(1);
    assert.deepEqual([one.next(), one.next(), one.next()], [1804289383, 846930886, 1681692777]);
    const big = new GlibcRandom(0x9e3779b9);
    assert.deepEqual([big.next(), big.next()], [44287856, 1267786457]);
  });

  it('derives the same uuid from a node name as heartbeat', () => {
    const cases: Array<[string, number, string]> = [
      ['node1', 104993391, '90b8de77-08c8-7a6c-fef1-993a43051dba'],
      ['node2', 104993392, 'f3727cf5-aae8-2f22-b5f6-03e93235dadc'],
      ['hbnode-with-a-long-name', 1013348858, '2c618591-432e-b693-9daf-6b280df42544'],
      ['héllo', -1376354943, '9ab509de-e5ce-e6ec-0963-c2754effe988'],
    ];
    for (const [name, seed, uuid] of cases) {
      const got = uuidFromNodename(name);
      assert.equal(got.seed, seed, name);
      assert.equal(formatUuid(got.uuid), uuid, name);
    }
  });
});

describe('generation file (hb_generation)', () => {
  it('starts from the time when missing, then adds one per start, 16 bytes %15lu\\n', () => {
    withDir((dir) => {
      const { sink, logger: log } = logger();
      const g1 = nextGeneration({ stateDir: dir, method: 'file', wallSeconds: 1795650919, logger: log });
      assert.equal(g1, 1795650920);
      assert.deepEqual(sink.messages(), ['No Previous generation - starting at 1795650920', 'Heartbeat generation: 1795650920']);
      assert.equal(readFileSync(join(dir, 'hb_generation'), 'latin1'), '     1795650920\n');
      assert.equal(statSync(join(dir, 'hb_generation')).mode & 0o777, 0o644);
      const g2 = nextGeneration({ stateDir: dir, method: 'file', wallSeconds: 5, logger: log });
      assert.equal(g2, 1795650921);
      assert.equal(readFileSync(join(dir, 'hb_generation')).length, 16);
    });
  });

  it('uses the time with hbgenmethod time and writes nothing', () => {
    withDir((dir) => {
      const { logger: log } = logger();
      assert.equal(nextGeneration({ stateDir: dir, method: 'time', wallSeconds: 1234, logger: log }), 1234);
      assert.throws(() => statSync(join(dir, 'hb_generation')));
    });
  });

  it('warns about a broken file and carries on from the time', () => {
    withDir((dir) => {
      writeFileSync(join(dir, 'hb_generation'), 'garbage\n');
      const { sink, logger: log } = logger();
      assert.equal(nextGeneration({ stateDir: dir, method: 'file', wallSeconds: 100, logger: log }), 101);
      assert.equal(sink.messages('warn')[0], 'BROKEN previous generation - starting at 101');
    });
  });
});

describe('uuid file (hb_uuid) and host cache', () => {
  it('generates 16 raw bytes once and keeps them', () => {
    withDir((dir) => {
      const { sink, logger: log } = logger();
      const first = loadLocalUuid({ stateDir: dir, from: 'file', nodeName: 'node1', logger: log });
      assert.equal(first.length, 16);
      assert.deepEqual(sink.messages(), ['No uuid found for current node - generating a new uuid.']);
      assert.deepEqual(new Uint8Array(readFileSync(join(dir, 'hb_uuid'))), first);
      const again = loadLocalUuid({ stateDir: dir, from: 'file', nodeName: 'node1', logger: log });
      assert.deepEqual(again, first);
      assert.equal(sink.messages().length, 1);
    });
  });

  it('uses the name-derived uuid with uuidfrom nodename and logs the seed', () => {
    withDir((dir) => {
      const { sink, logger: log } = logger();
      const uuid = loadLocalUuid({ stateDir: dir, from: 'nodename', nodeName: 'node1', logger: log });
      assert.equal(formatUuid(uuid), '90b8de77-08c8-7a6c-fef1-993a43051dba');
      assert.deepEqual(sink.messages(), ['seed is 104993391']);
    });
  });

  it('writes the host cache as name<TAB>uuid<TAB>weight<TAB>site lines', () => {
    withDir((dir) => {
      const uuid = Uint8Array.from(Buffer.from('9e642745a6a04d5b9da97ea81f19775d', 'hex'));
      writeHostCache(dir, [
        { name: 'node1', uuid },
        { name: 'node2', uuid: undefined },
      ]);
      assert.equal(
        readFileSync(join(dir, 'hostcache'), 'latin1'),
        'node1\t9e642745-a6a0-4d5b-9da9-7ea81f19775d\t100\t\nnode2\t00000000-0000-0000-0000-000000000000\t100\t\n',
      );
    });
  });

  it('reads the load average line, n/a when unreadable', () => {
    assert.match(readLoadAverage(), /^\d+\.\d+ \d+\.\d+ \d+\.\d+ \d+\/\d+ \d+$/);
    assert.equal(readLoadAverage('/nonexistent/loadavg'), 'n/a');
  });
});
