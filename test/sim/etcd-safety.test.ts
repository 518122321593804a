// etcd Raft safety under random faults, determinism, and running on immer drafts.
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import type { State } from '../../source/sim/types.js';
import { seedRng, randomInt } from '../../source/sim/rng.js';
import {
  makeState, booted, run, step1, runDraft, runUntil, hasLeader, leader, clusterStatus, crashMember, startMember,
  stopMember, partition, healAll, cutLink, proposeVia, writeOp, SafetyChecker, linearizableReadOk,
} from './etcd-helpers.js';

/** Random crashes, restarts, graceful stops, partitions, cut links, heals and writes. */
function chaos(seed: number, members: number, preVote: boolean, ticks: number, check?: SafetyChecker): State {
  const s = makeState({ seed, members, preVote });
  const dice = { ...s, rng: seedRng(seed * 7919 + 1) } as State; // a separate PRNG for the faults
  const roll = (n: number) => randomInt(dice, n);
  let req = 0;
  for (let i = 0; i < ticks; i++) {
    const r = roll(1000);
    const id = s.etcd.order[roll(members)];
    const m = s.etcd.members[id];
    if (r < 5) { if (m.running) crashMember(s, id); }
    else if (r < 7) { if (m.running) stopMember(s, id); }
    else if (r < 22) { if (!m.running) startMember(s, id); }
    else if (r < 25) partition(s, m.host);
    else if (r < 37) cutLink(s, m.host, s.etcd.members[s.etcd.order[roll(members)]].host);
    else if (r < 41) healAll(s);
    else if (r < 300) proposeVia(s, id, { kind: 'writes', requestId: ++req, count: 1 + roll(3) });
    check?.check(s);
    step1(s);
    check?.check(s);
  }
  return s;
}

describe('etcd: safety under random faults', () => {
  it('never two leaders in one term; committed entries never change; applied exactly once, in order', () => {
    let elections = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const members = [3, 5, 4, 7][seed % 4];
      const check = new SafetyChecker();
      const s = chaos(seed, members, seed % 2 === 0, 3000, check);
      elections += check.leaderOfTerm.size;
      expect(s.etcd.appliedIndex).toBeGreaterThan(0);
      // Heal everything: the cluster converges to one leader and every member catches up.
      healAll(s);
      for (const id of s.etcd.order) if (!s.etcd.members[id].running) startMember(s, id);
      // Without PreVote a member with a stale log and a high term can disrupt a few elections
      // in a row (the etcd 3.4 behaviour) before an up-to-date member overtakes its term.
      expect(runUntil(s, hasLeader, 300, (x) => check.check(x))).toBeGreaterThan(0);
      run(s, 5, (x) => check.check(x));
      const l = leader(s);
      for (const id of s.etcd.order) {
        expect(s.etcd.members[id].commitIndex).toBe(l.commitIndex);
        expect(s.etcd.members[id].appliedRevision).toBe(s.etcd.revision);
      }
      expect(linearizableReadOk(s, s.etcd.order[0])).toBe(true);
    }
    expect(elections).toBeGreaterThan(100); // the faults really did cause elections
  }, 60_000);
});

describe('etcd: determinism and immer', () => {
  it('same seed, same result; another seed, another history', () => {
    const a = chaos(42, 5, true, 1500);
    const b = chaos(42, 5, true, 1500);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = chaos(43, 5, true, 1500);
    expect(JSON.stringify(c.events)).not.toBe(JSON.stringify(a.events));
  });

  it('ticking through immer produce gives the same state as ticking a plain copy, frozen and shared', () => {
    const base = makeState({ seed: 5 });
    const plain = structuredClone(base);
    run(plain, 300);
    let d = runDraft(base, 300);
    expect(JSON.stringify(d)).toBe(JSON.stringify(plain));
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.etcd.members[d.etcd.order[0]])).toBe(true);
    // Proposals and failover inside produce too.
    const l = clusterStatus(d).leader!;
    const rev0 = d.etcd.revision;
    d = produce(d, (x) => { proposeVia(x, l, writeOp(2)); });
    d = runDraft(d, 1);
    expect(d.etcd.revision).toBe(rev0 + 2);
    const before = d;
    d = produce(d, (x) => { stopMember(x, l); });
    expect(clusterStatus(d).leader).not.toBe(l);
    expect(before.etcd.members[l].running).toBe(true); // the old snapshot is untouched
    d = runDraft(d, 10);
    const next = runDraft(d, 1);
    // A steady-state tick shares the logs it did not touch.
    for (const id of d.etcd.order) expect(next.etcd.members[id].log).toBe(d.etcd.members[id].log);
    d = produce(d, (x) => { startMember(x, l); crashMember(x, clusterStatus(x).leader!); });
    d = runDraft(d, 25);
    expect(clusterStatus(d).hasQuorum).toBe(true);
    expect(d.etcd.revision).toBe(rev0 + 2);
  });

  it('randomized election timeouts come from the state PRNG, in [10, 20) ticks', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const s = booted({ seed, members: 3 });
      for (const id of s.etcd.order) {
        const t = s.etcd.members[id].randomizedElectionTimeout;
        expect(t).toBeGreaterThanOrEqual(10);
        expect(t).toBeLessThan(20);
        seen.add(t);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });
});
