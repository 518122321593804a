// etcd Raft against docs/FIDELITY.md §4 and §8: elections, CheckQuorum, PreVote, leader lease, transfer.
import { describe, expect, it } from 'vitest';
import { clusterStatus, linearizableReadOk, serializableRevision } from '../../source/sim/etcd/index.js';
import { act, booted, etcdLeader, runFor, runUntil } from './helpers.js';

const ext = (over: Parameters<typeof booted>[0] = {}) => booted({ topology: 'external', rps: 20, ...over });

describe('etcd elections', () => {
  it('bootstraps: one leader, every member follows it, term ≥ 1', () => {
    const s = ext({ seed: 1 });
    const st = clusterStatus(s);
    expect(st.leader).not.toBeNull();
    expect(st.term).toBeGreaterThanOrEqual(1);
    for (const id of s.etcd.order) {
      expect(s.etcd.members[id].leader).toBe(st.leader);
      expect(s.etcd.members[id].term).toBe(st.term);
    }
  });

  it('an isolated leader steps down within 1–2 s (CheckQuorum); the majority elects within 1–2 s', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      let s = ext({ seed });
      const leader = etcdLeader(s)!;
      const term = s.etcd.members[leader].term;
      s = act(s, { type: 'partition', target: leader });
      const t0 = s.t;
      const down = runUntil(s, (x) => x.etcd.members[leader].role !== 'leader', 3_000);
      expect(down.ok).toBe(true);
      expect(down.t - t0).toBeLessThanOrEqual(2_000);
      const elected = runUntil(s, (x) => { const l = clusterStatus(x).leader; return l !== null && l !== leader; }, 3_000);
      expect(elected.ok).toBe(true);
      expect(elected.t - t0).toBeGreaterThanOrEqual(800);
      expect(elected.t - t0).toBeLessThanOrEqual(2_100);
      expect(clusterStatus(elected.state).term).toBeGreaterThan(term);
      // The minority member cannot serve linearizable reads but still answers serializable ones.
      expect(linearizableReadOk(down.state, leader)).toBe(false);
      expect(serializableRevision(down.state, leader)).not.toBeNull();
    }
  });

  it('a graceful stop of the leader transfers leadership at once (no election timeout)', () => {
    let s = ext({ seed: 3 });
    const leader = etcdLeader(s)!;
    s = act(s, { type: 'stop', target: leader });
    const st = clusterStatus(s);
    expect(st.leader).not.toBeNull();
    expect(st.leader).not.toBe(leader);
    expect(s.events.some((e) => e.kind === 'etcd.leadership_transferred')).toBe(true);
  });

  it('4 members tolerate 1 failure, not 2; 5 members tolerate 2', () => {
    let four = ext({ seed: 4, etcdMembers: 4 });
    four = act(four, { type: 'crash', target: 'etcd-1' });
    four = runFor(four, 5_000);
    expect(clusterStatus(four).hasQuorum).toBe(true);
    four = act(four, { type: 'crash', target: 'etcd-2' });
    four = runFor(four, 5_000);
    expect(clusterStatus(four).hasQuorum).toBe(false);
    let five = ext({ seed: 4, etcdMembers: 5 });
    five = act(five, { type: 'crash', target: 'etcd-1' });
    five = act(five, { type: 'crash', target: 'etcd-2' });
    five = runFor(five, 5_000);
    expect(clusterStatus(five).hasQuorum).toBe(true);
  });

  it('a member that comes back catches up (commit index and revision)', () => {
    let s = ext({ seed: 6 });
    const follower = s.etcd.order.find((id) => id !== etcdLeader(s))!;
    s = act(s, { type: 'crash', target: follower });
    s = runFor(s, 20_000);
    const rev = s.etcd.revision;
    expect(s.etcd.members[follower].appliedRevision).toBeLessThan(rev);
    s = act(s, { type: 'recover', target: follower });
    s = runFor(s, 1_000);
    const l = s.etcd.members[etcdLeader(s)!];
    expect(s.etcd.members[follower].commitIndex).toBeGreaterThanOrEqual(l.commitIndex - 5);
    expect(s.etcd.members[follower].appliedRevision).toBeGreaterThanOrEqual(rev);
  });
});

describe('PreVote', () => {
  it('on (etcd 3.5+): an isolated follower keeps its term, and on heal the leader is not disturbed', () => {
    let s = ext({ seed: 7, knobs: { preVote: true } });
    const leader = etcdLeader(s)!;
    const follower = s.etcd.order.find((id) => id !== leader)!;
    const term = s.etcd.members[follower].term;
    s = act(s, { type: 'partition', target: follower });
    s = runFor(s, 15_000);
    expect(s.etcd.members[follower].term).toBe(term);
    s = act(s, { type: 'heal-all' });
    s = runFor(s, 3_000);
    expect(etcdLeader(s)).toBe(leader);
    expect(s.etcd.members[leader].term).toBe(term);
  });

  it('off (etcd 3.4): the isolated member raises its term, and on heal the leader steps down', () => {
    let s = ext({ seed: 7, knobs: { preVote: false } });
    const leader = etcdLeader(s)!;
    const follower = s.etcd.order.find((id) => id !== leader)!;
    const term = s.etcd.members[follower].term;
    s = act(s, { type: 'partition', target: follower });
    s = runFor(s, 15_000);
    expect(s.etcd.members[follower].term).toBeGreaterThan(term + 5);
    s = act(s, { type: 'heal-all' });
    const r = runUntil(s, (x) => x.events.some((e) => e.kind === 'etcd.leader_stepped_down' && e.subject === leader && e.t > s.t - 1), 5_000);
    expect(r.ok).toBe(true);
    const after = runFor(r.state, 5_000);
    expect(clusterStatus(after).hasQuorum).toBe(true);
    expect(clusterStatus(after).term).toBeGreaterThan(term + 5);
  });

  it('a follower that hears its leader ignores a disruptive candidate (leader lease)', () => {
    // Cut only leader → follower A; A campaigns, but B still hears the leader and refuses to vote.
    let s = ext({ seed: 8, knobs: { preVote: false } });
    const leader = etcdLeader(s)!;
    const [a, b] = s.etcd.order.filter((id) => id !== leader);
    s = act(s, { type: 'cut', from: leader, to: a });
    s = runFor(s, 5_000);
    expect(etcdLeader(s)).toBe(leader);
    expect(s.etcd.members[b].leader).toBe(leader);
  });
});
