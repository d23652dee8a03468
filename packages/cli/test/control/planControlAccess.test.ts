import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeControlAccess } from '../../src/daemon/control/describeControlAccess.js';
import { planControlAccess } from '../../src/daemon/control/planControlAccess.js';

const paths = ['/run/heartline/control.sock', '/run/heartline/admin.sock'] as const;

describe('planControlAccess: who may open the control sockets', () => {
  it('root with group haclient: questions for the group (0660 in a 0750 directory), changes for root (0600)', () => {
    const plan = planControlAccess({ uid: 0, gid: 0, groups: [0], groupName: 'haclient', groupId: 106 });
    assert.deepEqual(plan, {
      ownerUid: 0,
      groupName: 'haclient',
      groupMayRead: true,
      ownerOnlyBecause: undefined,
      gid: 106,
      changeGid: 0,
      runDirMode: 0o750,
      readSocketMode: 0o660,
      changeSocketMode: 0o600,
    });
    assert.deepEqual(describeControlAccess(plan, ...paths), {
      info:
        'Control socket /run/heartline/control.sock: questions (ha status) from root and group haclient (mode 0660); ' +
        '/run/heartline/admin.sock: changes (ha standby, ha takeover) from root only (mode 0600)',
      warning: undefined,
    });
  });

  it('without the group: root only, and the log says so with the fix', () => {
    const plan = planControlAccess({ uid: 0, gid: 0, groups: [], groupName: 'haclient', groupId: undefined });
    assert.equal(plan.groupMayRead, false);
    assert.equal(plan.ownerOnlyBecause, 'no-such-group');
    assert.deepEqual([plan.gid, plan.runDirMode, plan.readSocketMode, plan.changeSocketMode], [0, 0o700, 0o600, 0o600]);
    const { info, warning } = describeControlAccess(plan, ...paths);
    assert.match(info, /questions \(ha status\) from root only \(mode 0600\)/);
    assert.equal(
      warning,
      'Group haclient does not exist: ha status is served to root only. Create the group (groupadd --system haclient) and restart Heartline to let its members ask.',
    );
  });

  it('a daemon that is not root gives the group only a group it is in', () => {
    const member = planControlAccess({ uid: 1000, gid: 1000, groups: [1000, 106], groupName: 'haclient', groupId: 106 });
    assert.deepEqual([member.groupMayRead, member.gid, member.readSocketMode, member.changeGid], [true, 106, 0o660, 1000]);
    const stranger = planControlAccess({ uid: 1000, gid: 1000, groups: [1000], groupName: 'haclient', groupId: 106 });
    assert.deepEqual([stranger.groupMayRead, stranger.ownerOnlyBecause, stranger.gid, stranger.readSocketMode], [false, 'not-in-group', 1000, 0o600]);
    assert.match(describeControlAccess(stranger, ...paths).warning ?? '', /^The daemon runs as uid 1000, neither root nor in group haclient: ha status is served to uid 1000 only/);
  });
});
