// etcd Raft: writes, reads, quorum arithmetic, log compaction and snapshots, membership changes.
import { describe, expect, it } from 'vitest';
import {
  booted, run, runUntil, hasLeader, leader, clusterStatus, crashMember, startMember, partition, healAll,
  proposeVia, writeOp, linearizableReadOk, serializableRevision, leaderOf, memberServing, addMember, removeMember,
  addHost, events, stopMember,
} from './etcd-helpers.js';

describe('etcd: writes and reads', () => {
  it('a write commits with a majority, through any member, and is applied once', () => {
    const s = booted({ seed: 1 });
    const rev0 = s.etcd.revision; // a new etcd cluster starts at revision 1
    const l = leader(s);
    const f = s.etcd.order.find((x) => x !== l.id)!;
    const op = writeOp(3);
    expect(proposeVia(s, f, op)).toBe(true);
    // It commits when the followers' answers arrive over the wire (within the next tick).
    expect(s.store.results[op.requestId]).toBeUndefined();
    run(s, 1);
    expect(s.store.results[op.requestId]?.result).toBe('ok');
    expect(s.etcd.revision).toBe(rev0 + 3);
    expect(proposeVia(s, l.id, writeOp(2))).toBe(true);
    run(s, 1);
    expect(s.etcd.revision).toBe(rev0 + 5);
    run(s, 20);
    expect(s.etcd.revision).toBe(rev0 + 5); // never applied twice
    for (const id of s.etcd.order) {
      expect(s.etcd.members[id].commitIndex).toBe(s.etcd.appliedIndex);
      expect(serializableRevision(s, id)).toBe(rev0 + 5);
    }
    expect(linearizableReadOk(s, f)).toBe(true);
  });

  it('one member down of three: writes still commit', () => {
    const s = booted({ seed: 2 });
    const f = s.etcd.order.find((x) => x !== leader(s).id)!;
    crashMember(s, f);
    run(s, 30);
    const op = writeOp();
    expect(proposeVia(s, leader(s).id, op)).toBe(true);
    run(s, 1);
    expect(s.store.results[op.requestId]?.result).toBe('ok');
    // The member that was down catches up when it returns.
    startMember(s, f);
    run(s, 3);
    expect(s.etcd.members[f].commitIndex).toBe(s.etcd.appliedIndex);
    expect(serializableRevision(s, f)).toBe(s.etcd.revision);
  });

  it('without quorum: writes never commit, linearizable reads fail, serializable reads answer (stale)', () => {
    const s = booted({ seed: 3 });
    const rev0 = s.etcd.revision;
    proposeVia(s, leader(s).id, writeOp(4));
    run(s, 2);
    const [a, b, c] = s.etcd.order;
    crashMember(s, b);
    crashMember(s, c);
    run(s, 1);
    const rev = s.etcd.revision;
    // A stale leader may still accept the proposal, but it cannot commit: nothing is applied.
    const op = writeOp();
    proposeVia(s, a, op);
    run(s, 100);
    expect(s.store.results[op.requestId]).toBeUndefined();
    expect(s.etcd.revision).toBe(rev);
    expect(proposeVia(s, a, writeOp())).toBe(false); // no leader any more: etcd blocks proposals
    expect(linearizableReadOk(s, a)).toBe(false);
    expect(serializableRevision(s, a)).toBe(rev0 + 4);
    expect(serializableRevision(s, b)).toBeNull();
    expect(memberServing(s, a)).toBe(true);
    expect(memberServing(s, b)).toBe(false);
    expect(s.etcd.members[a].noLeaderTicks).toBeGreaterThanOrEqual(90);
    expect(clusterStatus(s).hasQuorum).toBe(false);
  });

  it('a member cut off from the leader serves stale serializable reads and no linearizable reads', () => {
    const s = booted({ seed: 4 });
    const rev0 = s.etcd.revision;
    const l = leader(s);
    const f = s.etcd.order.find((x) => x !== l.id)!;
    partition(s, f);
    expect(proposeVia(s, l.id, writeOp(7))).toBe(true);
    run(s, 1);
    expect(s.etcd.revision).toBe(rev0 + 7);
    expect(serializableRevision(s, f)).toBe(rev0); // stale
    expect(linearizableReadOk(s, f)).toBe(false);
    expect(proposeVia(s, f, writeOp())).toBe(false);
    expect(leaderOf(s, f)).toBeNull();
    healAll(s);
    run(s, 2);
    expect(serializableRevision(s, f)).toBe(rev0 + 7);
    expect(linearizableReadOk(s, f)).toBe(true);
  });

  it('a new leader must commit an entry of its own term before serving linearizable reads', () => {
    const s = booted({ seed: 5 });
    const l = leader(s);
    expect(l.log.at(-1)?.op).toBeUndefined(); // the empty entry of its term
    expect(l.commitIndex).toBe(l.log.at(-1)?.index);
    expect(linearizableReadOk(s, l.id)).toBe(true);
  });

  it('a single-member cluster commits its leader\'s entry at once and serves reads and writes alone', () => {
    const s = booted({ seed: 5, members: 1 });
    const rev0 = s.etcd.revision;
    const l = leader(s);
    expect(l.commitIndex).toBe(1);
    expect(linearizableReadOk(s, l.id)).toBe(true);
    expect(proposeVia(s, l.id, writeOp(2))).toBe(true);
    expect(s.etcd.revision).toBe(rev0 + 2);
  });
});

describe('etcd: quorum arithmetic (docs/FIDELITY.md §4 table)', () => {
  it('2 members: losing either one stops writes (quorum 2)', () => {
    for (const victim of [0, 1]) {
      const s = booted({ seed: 6, members: 2 });
      expect(clusterStatus(s).quorum).toBe(2);
      const id = s.etcd.order[victim];
      crashMember(s, id);
      run(s, 100);
      const other = s.etcd.order[1 - victim];
      expect(hasLeader(s)).toBe(false);
      expect(proposeVia(s, other, writeOp())).toBe(false);
      expect(serializableRevision(s, other)).not.toBeNull();
    }
  });

  it('4 members tolerate only 1 failure, like 3', () => {
    const s = booted({ seed: 7, members: 4 });
    expect(clusterStatus(s).quorum).toBe(3);
    const others = s.etcd.order.filter((x) => x !== leader(s).id);
    crashMember(s, others[0]);
    run(s, 30);
    expect(hasLeader(s)).toBe(true);
    expect(proposeVia(s, others[1], writeOp())).toBe(true);
    crashMember(s, others[1]);
    run(s, 60);
    expect(hasLeader(s)).toBe(false);
    expect(proposeVia(s, others[2], writeOp())).toBe(false);
  });

  it('5 members tolerate 2 failures, 7 tolerate 3', () => {
    for (const [n, f] of [[5, 2], [7, 3]] as const) {
      const s = booted({ seed: 8, members: n });
      for (const id of s.etcd.order.slice(0, f)) crashMember(s, id);
      expect(runUntil(s, hasLeader, 40)).toBeGreaterThan(0);
      crashMember(s, s.etcd.order[f]);
      run(s, 60);
      expect(hasLeader(s)).toBe(false);
    }
  });
});

describe('etcd: log compaction and snapshots', () => {
  it('keeps logs bounded and catches a far-behind member up with a snapshot', () => {
    const s = booted({ seed: 9 });
    const rev0 = s.etcd.revision;
    const l = leader(s);
    const f = s.etcd.order.find((x) => x !== l.id)!;
    crashMember(s, f);
    for (let i = 0; i < 3000; i++) {
      expect(proposeVia(s, l.id, writeOp())).toBe(true);
      if (i % 10 === 0) run(s, 1);
    }
    run(s, 1);
    expect(s.etcd.revision).toBe(rev0 + 3000);
    expect(l.snapshotIndex).toBeGreaterThan(1000);
    expect(l.log.length).toBeLessThanOrEqual(1000);
    startMember(s, f);
    run(s, 3);
    const m = s.etcd.members[f];
    expect(m.snapshotIndex).toBeGreaterThan(1000); // restored from a snapshot
    expect(m.commitIndex).toBe(s.etcd.appliedIndex);
    expect(m.log.at(-1)?.index).toBe(l.log.at(-1)?.index);
    expect(serializableRevision(s, f)).toBe(rev0 + 3000);
    // The caught-up member can take over.
    stopMember(s, l.id);
    expect(hasLeader(s)).toBe(true);
  });
});

describe('etcd: membership changes', () => {
  it('addMember grows quorum at once; the empty member catches up', () => {
    const s = booted({ seed: 10 });
    const rev0 = s.etcd.revision;
    for (let i = 0; i < 5; i++) proposeVia(s, leader(s).id, writeOp());
    addHost(s, 'etcd-4');
    addMember(s, 'etcd-4', 'etcd-4');
    expect(s.etcd.order).toEqual(['etcd-1', 'etcd-2', 'etcd-3', 'etcd-4']);
    expect(clusterStatus(s)).toMatchObject({ voters: 4, quorum: 3 });
    expect(events(s, 'etcd.member_added')).toHaveLength(1);
    run(s, 3);
    expect(s.etcd.members['etcd-4'].commitIndex).toBe(s.etcd.appliedIndex);
    expect(s.etcd.members['etcd-4'].leader).toBe(leader(s).id);
    expect(serializableRevision(s, 'etcd-4')).toBe(rev0 + 5);
  });

  it('adding a member that never starts leaves less room: one more failure loses quorum', () => {
    const s = booted({ seed: 11 });
    addHost(s, 'etcd-4');
    addMember(s, 'etcd-4', 'etcd-4');
    crashMember(s, 'etcd-4');
    const f = s.etcd.order.find((x) => x !== leader(s).id && x !== 'etcd-4')!;
    crashMember(s, f);
    run(s, 60);
    expect(hasLeader(s)).toBe(false);
  });

  it('removeMember shrinks quorum; removing the leader leads to a new election', () => {
    const s = booted({ seed: 12 });
    const l = leader(s).id;
    removeMember(s, l);
    expect(s.etcd.order).not.toContain(l);
    expect(s.etcd.members[l]).toBeUndefined();
    expect(events(s, 'etcd.member_removed')).toHaveLength(1);
    expect(events(s, 'etcd.leader_stepped_down').at(-1)?.data?.reason).toBe('removed from the cluster');
    expect(runUntil(s, hasLeader, 40)).toBeGreaterThan(0);
    expect(clusterStatus(s)).toMatchObject({ voters: 2, quorum: 2 });
    expect(proposeVia(s, s.etcd.order[0], writeOp())).toBe(true);
    removeMember(s, s.etcd.order.find((x) => x !== leader(s).id)!);
    expect(clusterStatus(s)).toMatchObject({ voters: 1, quorum: 1, hasQuorum: true });
    expect(proposeVia(s, s.etcd.order[0], writeOp())).toBe(true);
  });
});
