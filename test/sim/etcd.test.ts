// etcd Raft: elections and failover against docs/FIDELITY.md §4, §7 and §8 (the distributions over seeds are in etcd-timing.test.ts).
import { describe, expect, it } from 'vitest';
import {
  booted, makeState, run, runUntil, hasLeader, leader, servingLeaders, clusterStatus, crashMember, startMember,
  stopMember, partition, healAll, healNode, cutLink, events, proposeVia, writeOp, linearizableReadOk, leaderOf,
} from './etcd-helpers.js';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('etcd: elections', () => {
  it('elects one leader from a cold start within 2 s, and is quiet in steady state', () => {
    for (const seed of SEEDS) {
      const s = makeState({ seed });
      const ticks = runUntil(s, hasLeader, 40);
      expect(ticks).toBeGreaterThanOrEqual(10); // nobody campaigns before the 1000 ms election timeout
      expect(ticks).toBeLessThan(20 + 1);
      expect(servingLeaders(s)).toHaveLength(1);
      expect(s.etcd.leader).toBe(leader(s).id);
      expect(s.etcd.term).toBe(leader(s).term);
      expect(events(s, 'etcd.leader_elected')).toHaveLength(1);
      const seq = s.eventSeq;
      run(s, 600); // one simulated minute
      expect(s.events.filter((e) => e.seq > seq && e.kind.startsWith('etcd.'))).toEqual([]); // no per-tick events
      expect(leader(s).term).toBe(1);
    }
  });

  it('leader crash: a new leader with a higher term within about 0.8–3 s; randomized timeouts spread', () => {
    const delays: number[] = [];
    for (const seed of SEEDS) {
      for (const preVote of [true, false]) {
        const s = booted({ seed, preVote });
        const old = leader(s);
        const oldTerm = old.term;
        const t0 = s.t;
        crashMember(s, old.id);
        expect(linearizableReadOk(s, s.etcd.order.find((x) => x !== old.id)!)).toBe(false);
        const ticks = runUntil(s, hasLeader, 40);
        expect(ticks).toBeGreaterThan(0);
        const dt = s.t - t0;
        delays.push(dt);
        // The first campaign can come ~ET − 2 heartbeats after the crash; a second round adds up to 2 ET.
        expect(dt).toBeGreaterThanOrEqual(800);
        expect(dt).toBeLessThanOrEqual(4000); // rarely a third round
        const now = leader(s);
        expect(now.id).not.toBe(old.id);
        expect(now.term).toBeGreaterThan(oldTerm);
        expect(events(s, 'etcd.quorum_lost').length).toBe(1);
        expect(events(s, 'etcd.quorum_restored').length).toBe(1);
      }
    }
    expect(Math.min(...delays)).toBeLessThan(1300);
    expect(Math.max(...delays)).toBeGreaterThan(1600);
  });

  it('a leader isolated in a minority steps down in 1–2 s (CheckQuorum); the majority elects in 1–2 s', () => {
    for (const seed of SEEDS) {
      const s = booted({ seed, members: 5 });
      const old = leader(s);
      const t0 = s.t;
      partition(s, old.host);
      let stepDownAt = -1;
      let electedAt = -1;
      run(s, 40, (x) => {
        if (stepDownAt < 0 && x.etcd.members[old.id].role !== 'leader') stepDownAt = x.t;
        if (electedAt < 0 && hasLeader(x)) electedAt = x.t;
      });
      expect(stepDownAt - t0).toBeGreaterThanOrEqual(1000 - 100);
      expect(stepDownAt - t0).toBeLessThanOrEqual(2000 + 100);
      expect(electedAt - t0).toBeGreaterThanOrEqual(800);
      expect(electedAt - t0).toBeLessThanOrEqual(2000 + 100);
      const stepped = events(s, 'etcd.leader_stepped_down').find((e) => e.subject === old.id)!;
      expect(stepped.data?.reason).toBe('quorum not active (CheckQuorum)');
      const now = leader(s);
      expect(now.id).not.toBe(old.id);
      // The isolated old leader takes no writes: it no longer knows a leader.
      expect(proposeVia(s, old.id, writeOp())).toBe(false);
      expect(leaderOf(s, old.id)).toBeNull();
    }
  });

  it('quorum lost and restored are announced once each, with causes', () => {
    const s = booted({ seed: 3 });
    s.causes['etcd.member'] = 'ev_crash';
    const [a, b] = s.etcd.order.filter((x) => x !== leader(s).id);
    crashMember(s, a);
    crashMember(s, b);
    run(s, 100);
    const lost = events(s, 'etcd.quorum_lost');
    expect(lost).toHaveLength(1);
    expect(lost[0].cause).toBe('ev_crash');
    expect(s.causes['etcd.quorum']).toBe(lost[0].id);
    expect(lost[0].message).toMatch(/only 1 of 3 members serve/);
    expect(clusterStatus(s)).toMatchObject({ leader: null, hasQuorum: false, serving: 1, quorum: 2, voters: 3 });
    startMember(s, a);
    expect(runUntil(s, hasLeader, 40)).toBeGreaterThan(0);
    const restored = events(s, 'etcd.quorum_restored');
    expect(restored).toHaveLength(1);
    expect(restored[0].cause).toBe(lost[0].id);
  });

  it('a member restarted after a crash keeps its term, vote and log (HardState)', () => {
    const s = booted({ seed: 4 });
    const f = s.etcd.order.find((x) => x !== leader(s).id)!;
    const before = { ...s.etcd.members[f], log: [...s.etcd.members[f].log] };
    crashMember(s, f);
    startMember(s, f);
    const m = s.etcd.members[f];
    expect([m.term, m.vote, m.log, m.commitIndex]).toEqual([before.term, before.vote, before.log, before.commitIndex]);
    expect([m.role, m.leader, m.electionElapsed]).toEqual(['follower', null, 0]);
    expect(m.votes).toEqual({});
    expect(m.progress).toEqual({});
  });
});

describe('etcd: PreVote and the leader lease', () => {
  it('PreVote on: an isolated follower does not raise its term; on heal the leader is undisturbed', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const s = booted({ seed, preVote: true });
      const l = leader(s);
      const term = l.term;
      const f = s.etcd.order.find((x) => x !== l.id)!;
      partition(s, f);
      const seq = s.eventSeq;
      run(s, 100); // 10 s
      expect(s.etcd.members[f].term).toBe(term);
      expect(events(s, 'etcd.election_started', seq).every((e) => e.data?.prevote === true)).toBe(true);
      healAll(s);
      run(s, 50);
      expect(leader(s).id).toBe(l.id);
      expect(leader(s).term).toBe(term);
      expect(s.etcd.members[f].leader).toBe(l.id);
      expect(events(s, 'etcd.leader_stepped_down', seq)).toHaveLength(0);
      expect(events(s, 'etcd.term_bumped_by_rejoin', seq)).toHaveLength(0);
    }
  });

  it('PreVote off (etcd 3.4): the isolated member\'s term climbs and on heal the leader steps down', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const s = booted({ seed, preVote: false });
      const l = leader(s);
      const term = l.term;
      const f = s.etcd.order.find((x) => x !== l.id)!;
      partition(s, f);
      run(s, 100); // 10 s: a campaign every 1–2 s
      const climbed = s.etcd.members[f].term;
      expect(climbed).toBeGreaterThanOrEqual(term + 5);
      expect(leader(s).term).toBe(term); // the majority is not bothered while it is cut off
      const seq = s.eventSeq;
      healNode(s, f);
      run(s, 1);
      // The leader's next heartbeat gets an answer with the higher term: it must step down.
      expect(s.etcd.members[l.id].role).not.toBe('leader');
      expect(events(s, 'etcd.term_bumped_by_rejoin', seq)).toHaveLength(1);
      const down = events(s, 'etcd.leader_stepped_down', seq);
      expect(down).toHaveLength(1);
      // The isolated member may campaign once more in the tick the heal happens.
      const seen = Number(/^saw higher term (\d+)$/.exec(String(down[0].data?.reason))?.[1]);
      expect(seen).toBeGreaterThanOrEqual(climbed);
      expect(seen).toBeLessThanOrEqual(climbed + 1);
      expect(runUntil(s, hasLeader, 40)).toBeGreaterThan(0);
      expect(leader(s).term).toBeGreaterThan(climbed);
    }
  });

  it('a follower that hears from its leader ignores vote requests of higher terms (inLease)', () => {
    const s = booted({ seed: 5, preVote: false });
    const l = leader(s);
    const [b, c] = s.etcd.order.filter((x) => x !== l.id);
    cutLink(s, l.host, s.etcd.members[b].host);
    cutLink(s, s.etcd.members[b].host, l.host);
    run(s, 100);
    expect(s.etcd.members[b].term).toBeGreaterThan(l.term + 3); // b campaigns again and again
    expect(s.etcd.members[c].term).toBe(l.term); // c is in lease: ignores b
    expect(s.etcd.members[c].leader).toBe(l.id);
    expect(leader(s).id).toBe(l.id);
  });
});

describe('etcd: graceful stop transfers leadership', () => {
  it('stopMember on the leader elects the most up-to-date follower within the same call', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const s = booted({ seed, preVote: seed % 2 === 0 });
      const l = leader(s);
      const term = l.term;
      s.causes['etcd.member'] = 'ev_stop';
      stopMember(s, l.id);
      expect(s.etcd.members[l.id].running).toBe(false);
      const now = clusterStatus(s);
      expect(now.hasQuorum).toBe(true);
      expect(now.leader).not.toBe(l.id);
      expect(now.term).toBe(term + 1);
      expect(s.etcd.leader).toBe(now.leader);
      expect(events(s, 'etcd.leadership_transferred')).toHaveLength(1);
      expect(events(s, 'etcd.leader_stepped_down').at(-1)?.data?.reason).toBe('transferred leadership');
      expect(events(s, 'etcd.quorum_lost')).toHaveLength(0);
      expect(proposeVia(s, now.leader!, writeOp())).toBe(true);
    }
  });

  it('a transfer brings a lagging target up to date first', () => {
    const s = booted({ seed: 8, members: 3 });
    const l = leader(s);
    const term = l.term;
    const [b, c] = s.etcd.order.filter((x) => x !== l.id);
    crashMember(s, c);
    for (let i = 0; i < 5; i++) proposeVia(s, l.id, writeOp());
    startMember(s, c);
    // Cut b off so c is the only target; then heal and stop right away (c still lags).
    crashMember(s, b);
    stopMember(s, l.id);
    // With b down and l stopped only c serves: no quorum, but c got every entry before it campaigned.
    expect(s.etcd.members[c].commitIndex).toBeGreaterThanOrEqual(s.etcd.appliedIndex);
    expect(s.etcd.members[c].term).toBe(term + 1);
    expect(s.etcd.members[c].role).toBe('leader'); // l voted for it before stopping
    expect(clusterStatus(s).hasQuorum).toBe(false); // but b is down and l stopped: 1 of 3
  });

  it('a single-member cluster skips the transfer', () => {
    const s = booted({ seed: 2, members: 1 });
    const l = leader(s);
    stopMember(s, l.id);
    expect(clusterStatus(s).hasQuorum).toBe(false);
    expect(events(s, 'etcd.leadership_transferred')).toHaveLength(0);
  });
});

describe('etcd: raft rules, one at a time', async () => {
  const { step } = await import('../../source/sim/etcd/step.js');
  const { maybeCommit } = await import('../../source/sim/etcd/replication.js');
  const { newOutbox, send } = await import('../../source/sim/etcd/messages.js');
  const { isUpToDate } = await import('../../source/sim/etcd/log.js');

  function voteReq(from: string, to: string, term: number, index: number, logTerm: number, type: 'vote' | 'preVote' = 'vote') {
    const out = newOutbox();
    const m = send(out, type, from, to, term);
    m.index = index;
    m.logTerm = logTerm;
    return m;
  }

  it('a member votes once per term, and only for an up-to-date log', () => {
    const s = makeState({ seed: 1 });
    const c = s.etcd.members['etcd-3'];
    c.term = 5;
    c.log = [{ term: 5, index: 1 }];
    const out = newOutbox();
    step(s, c, voteReq('etcd-1', 'etcd-3', 6, 1, 5), out);
    expect(c.vote).toBe('etcd-1');
    expect(c.term).toBe(6);
    expect(out.at(-1)).toMatchObject({ type: 'voteResp', to: 'etcd-1', reject: false });
    step(s, c, voteReq('etcd-2', 'etcd-3', 6, 9, 5), out);
    expect(out.at(-1)).toMatchObject({ type: 'voteResp', to: 'etcd-2', reject: true });
    expect(c.vote).toBe('etcd-1');
    // A stale log is refused even in a new term.
    step(s, c, voteReq('etcd-2', 'etcd-3', 7, 3, 4), out);
    expect(out.at(-1)).toMatchObject({ type: 'voteResp', to: 'etcd-2', reject: true });
    expect(isUpToDate(c, 1, 5)).toBe(true);
    expect(isUpToDate(c, 0, 5)).toBe(false);
    expect(isUpToDate(c, 0, 6)).toBe(true);
  });

  it('PreVote does not change the voter\'s term or vote; a lower-term pre-vote is rejected with our term', () => {
    const s = makeState({ seed: 1 });
    const c = s.etcd.members['etcd-3'];
    c.term = 5;
    const out = newOutbox();
    step(s, c, voteReq('etcd-1', 'etcd-3', 6, 0, 0, 'preVote'), out);
    expect(out.at(-1)).toMatchObject({ type: 'preVoteResp', term: 6, reject: false });
    expect([c.term, c.vote]).toEqual([5, null]);
    step(s, c, voteReq('etcd-1', 'etcd-3', 4, 0, 0, 'preVote'), out);
    expect(out.at(-1)).toMatchObject({ type: 'preVoteResp', term: 5, reject: true });
  });

  it('a leader commits only an entry of its own term by majority (Raft §5.4.2)', () => {
    const s = makeState({ seed: 1 });
    const l = s.etcd.members['etcd-1'];
    l.term = 3;
    l.role = 'leader';
    l.log = [{ term: 1, index: 1 }, { term: 2, index: 2 }];
    l.progress = { 'etcd-2': { match: 2, next: 3, recentActive: true } };
    expect(maybeCommit(s, l)).toBe(false);
    expect(l.commitIndex).toBe(0);
    l.log.push({ term: 3, index: 3 });
    l.progress['etcd-2'].match = 3;
    expect(maybeCommit(s, l)).toBe(true);
    expect(l.commitIndex).toBe(3);
  });

  it('a follower truncates conflicting uncommitted entries; heartbeats never commit beyond match', () => {
    const s = makeState({ seed: 1 });
    const f = s.etcd.members['etcd-2'];
    f.term = 2;
    f.log = [{ term: 1, index: 1 }, { term: 2, index: 2 }, { term: 2, index: 3 }];
    f.commitIndex = 1;
    const out = newOutbox();
    const app = send(newOutbox(), 'app', 'etcd-1', 'etcd-2', 3);
    app.index = 1;
    app.logTerm = 1;
    app.commit = 2;
    app.entries = [{ term: 3, index: 2 }];
    step(s, f, app, out);
    expect(f.log.map((e) => e.term)).toEqual([1, 3]);
    expect(f.commitIndex).toBe(2);
    expect(out.at(-1)).toMatchObject({ type: 'appResp', index: 2, reject: false });
    const hb = send(newOutbox(), 'heartbeat', 'etcd-1', 'etcd-2', 3);
    hb.commit = 9;
    step(s, f, hb, out);
    expect(f.commitIndex).toBe(2); // never beyond its own log
  });

  it('a stale leader hearing a lower-term member answer steps down; lower-term appends are answered with our term', () => {
    const s = makeState({ seed: 1 });
    const f = s.etcd.members['etcd-2'];
    f.term = 7;
    const out = newOutbox();
    step(s, f, send(newOutbox(), 'heartbeat', 'etcd-1', 'etcd-2', 4), out);
    expect(out.at(-1)).toMatchObject({ type: 'appResp', term: 7, to: 'etcd-1' });
    expect(f.term).toBe(7);
  });
});
