// etcd election times over many seeds against docs/FIDELITY.md §10.3: each member's raft clock has its own
// phase and messages take a seeded latency, so a crashed leader is replaced at sub-tick times, as
// early as ~ET − 2 heartbeats, with a tail of second rounds (term + 2) when a candidate meets a
// follower whose leader lease has not expired, or the vote splits.
import { describe, expect, it } from 'vitest';
import { booted, clusterStatus, crashMember, events, leader, run, runUntil, hasLeader, proposeVia, writeOp } from './etcd-helpers.js';
import type { ClusterOpts } from './etcd-helpers.js';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

interface Failover { ms: number; rounds: number }

/** Crashes the leader's host and returns how long until a new leader was elected (from its event's exact time). */
function failover(opts: ClusterOpts, seed: number): Failover {
  const s = booted({ ...opts, seed });
  run(s, 7 + (seed % 5)); // the crash lands at a different phase of the heartbeats
  const old = leader(s);
  const seq = s.eventSeq;
  const t0 = s.t;
  s.nodes[old.host].state = 'crashed';
  crashMember(s, old.id);
  if (runUntil(s, hasLeader, 100) < 0) throw new Error(`seed ${seed}: no new leader in 10 s`);
  const elected = events(s, 'etcd.leader_elected', seq)[0];
  return { ms: elected.t - t0, rounds: clusterStatus(s).term - old.term };
}

function quantile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(p * (sorted.length - 1))];
}

describe('etcd election timing over seeds', () => {
  it('each member ticks on its own seeded phase, and keeps it', () => {
    const phases = (seed: number) => {
      const s = booted({ members: 5, seed });
      run(s, 50);
      return s.etcd.order.map((id) => s.etcd.members[id].nextTickAt % 100);
    };
    const a = phases(1);
    expect(new Set(a.map((x) => Math.round(x))).size).toBeGreaterThanOrEqual(4);
    for (const p of a) expect(p).toBeGreaterThanOrEqual(0);
    expect(phases(1)).toEqual(a);
    expect(phases(2)).not.toEqual(a);
  });

  for (const members of [3, 5]) {
    it(`${members} members, defaults (PreVote on): min < 1 s, median 1–1.4 s, a tail (3 members: past 1.7 s), not quantised`, () => {
      const runs = SEEDS.map((seed) => failover({ members }, seed));
      const ms = runs.map((r) => r.ms);
      expect(Math.min(...ms)).toBeLessThan(1000);
      // Never before ET − 2 heartbeats: the last heartbeat came at most one heartbeat before the crash.
      expect(Math.min(...ms)).toBeGreaterThanOrEqual(800);
      expect(quantile(ms, 0.5)).toBeGreaterThanOrEqual(1000);
      expect(quantile(ms, 0.5)).toBeLessThanOrEqual(1400);
      if (members === 3) {
        // The tail: a pre-vote refused by a follower still in its leader lease costs another
        // randomized timeout. With PreVote that round does not raise the term, so the term + 2
        // second rounds of docs/FIDELITY.md §10.3 (etcd 3.4, PreVote off) are checked in the PreVote-off test.
        expect(Math.max(...ms)).toBeGreaterThan(1700);
      } else {
        // With 5 members a PreVote round needs 3 of the 4 left to grant it, so second rounds are
        // rare (0-3 crashes in 200 seeds, by random stream): the spread comes from the phases and the
        // randomized timeouts. docs/FIDELITY.md §10.3's ~1 in 5 second rounds and 2-2.7 s tail is for 3 members.
        expect(Math.max(...ms) - Math.min(...ms)).toBeGreaterThan(400);
      }
      // Times are not multiples of the 100 ms simulation tick.
      expect(ms.filter((x) => x % 100 !== 0).length).toBeGreaterThan(ms.length * 0.9);
    });
  }

  it('etcd 3.4 (PreVote off), 3 members: roughly one crash in five needs a second round (term + 2)', () => {
    const runs = SEEDS.map((seed) => failover({ members: 3, preVote: false }, seed));
    const second = runs.filter((r) => r.rounds >= 2).length / runs.length;
    expect(second).toBeGreaterThanOrEqual(0.08);
    expect(second).toBeLessThanOrEqual(0.4);
    expect(quantile(runs.map((r) => r.ms), 0.95)).toBeGreaterThan(2000);
  });

  it('WAN-like latency (--net-latency 10-50ms) slows elections by tens of milliseconds', () => {
    const lan = SEEDS.slice(0, 40).map((seed) => failover({ members: 3 }, seed).ms);
    const wan = SEEDS.slice(0, 40).map((seed) => failover({ members: 3, knobs: { netLatencyMinMs: 10, netLatencyMaxMs: 50 } }, seed).ms);
    // A PreVote round and a vote round, each a request and an answer: ~4 one-way trips of 10–50 ms.
    expect(quantile(wan, 0.5) - quantile(lan, 0.5)).toBeGreaterThan(40);
  });

  it('50 ms heartbeats (a common tuning) with a 500 ms election timeout: failover scales down with them', () => {
    const knobs = { etcdHeartbeatMs: 50, etcdElectionTimeoutMs: 500 };
    const runs = SEEDS.slice(0, 40).map((seed) => failover({ members: 3, knobs }, seed));
    const ms = runs.map((r) => r.ms);
    expect(Math.min(...ms)).toBeGreaterThanOrEqual(500 - 2 * 50);
    expect(Math.min(...ms)).toBeLessThan(500);
    expect(quantile(ms, 0.5)).toBeGreaterThanOrEqual(500);
    expect(quantile(ms, 0.5)).toBeLessThanOrEqual(700);
    // Members tick every 50 ms, twice per simulation tick: a steady cluster stays quiet.
    const s = booted({ members: 3, seed: 3, knobs });
    const seq = s.eventSeq;
    run(s, 600);
    // etcd's events only: the helper's powered-off master is marked DOWN by the LB (~11 s) meanwhile.
    expect(s.events.filter((e) => e.seq > seq && e.kind.startsWith('etcd.'))).toEqual([]);
  });

  it('a proposal forwarded to a leader that crashes before sending it on is lost: it never commits', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = booted({ members: 3, seed });
      const old = leader(s);
      const follower = s.etcd.order.find((id) => id !== old.id)!;
      const op = writeOp(1);
      const rev0 = s.etcd.revision; // etcd starts at revision 1
      expect(proposeVia(s, follower, op)).toBe(true);
      s.nodes[old.host].state = 'crashed';
      crashMember(s, old.id);
      run(s, 100); // 10 s: a new leader, but the entry died with the old one
      expect(hasLeader(s)).toBe(true);
      expect(s.store.results[op.requestId]).toBeUndefined();
      expect(s.etcd.revision).toBe(rev0);
    }
  });
});
