import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { positionalParams } from '../../src/fencing/positionalParams.js';
import { hostList } from '../../src/fencing/hostList.js';

describe('a STONITH parameter line (cluster-glue Stonith1 compatibility)', () => {
  it('values go to the names in order; the last name takes the rest of the line, blanks and all', () => {
    assert.deepEqual(positionalParams(['ipaddr', 'userid', 'passwd'], '10.0.0.1  admin  my secret\tpass'), {
      ipaddr: '10.0.0.1',
      userid: 'admin',
      passwd: 'my secret\tpass',
    });
    assert.deepEqual(positionalParams(['hostlist'], '  node1, node2 node3 '), { hostlist: 'node1, node2 node3 ' });
  });

  it('fewer values than names is no configuration at all; no names take nothing', () => {
    assert.equal(positionalParams(['ipaddr', 'userid'], '10.0.0.1'), undefined);
    assert.equal(positionalParams(['hostlist'], '   '), undefined);
    assert.deepEqual(positionalParams([], 'ignored values'), {});
  });

  it('a host list splits on blanks and commas and is lowercased', () => {
    assert.deepEqual(hostList('Node1,node2  NODE3,,\tnode4\n'), ['node1', 'node2', 'node3', 'node4']);
    assert.deepEqual(hostList(' , '), []);
  });
});
