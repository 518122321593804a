// apiserver, etcd quorum and topology behaviour at the cluster level (docs/FIDELITY.md §2, §3, §4, §8).
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { apply } from '../../source/sim/engine.js';
import { etcdPathFor, writeVia } from '../../source/sim/apiserver.js';
import { newRequestId } from '../../source/sim/store.js';
import { clusterStatus, serializableRevision, linearizableReadOk } from '../../source/sim/etcd/index.js';
import { verdict, apiThroughLb } from '../../source/sim/views.js';
import { act, booted, etcdLeader, runFor, runUntil } from './helpers.js';
import type { State } from '../../source/sim/types.js';

describe('etcd through the whole cluster', () => {
  it('etcd leader crash → a new leader within about 0.8–3 s with a higher term', () => {
    for (const seed of [1, 2, 3, 4]) {
      let s = booted({ seed });
      const leader = etcdLeader(s)!;
      const term = clusterStatus(s).term;
      s = act(s, { type: 'crash', target: leader });
      const t0 = s.t;
      const r = runUntil(s, (x) => clusterStatus(x).hasQuorum && etcdLeader(x) !== leader, 5_000);
      expect(r.ok).toBe(true);
      expect(r.t - t0).toBeGreaterThanOrEqual(800);
      expect(r.t - t0).toBeLessThanOrEqual(3_000);
      expect(clusterStatus(r.state).term).toBeGreaterThan(term);
    }
  });

  it('majority loss → the leader steps down, writes fail, serializable reads still answer', () => {
    let s = booted({ seed: 3, topology: 'external' });
    const leader = etcdLeader(s)!;
    const others = s.etcd.order.filter((id) => id !== leader);
    s = act(s, { type: 'crash', target: others[0] });
    s = act(s, { type: 'crash', target: others[1] });
    const r = runUntil(s, (x) => x.etcd.members[leader].role !== 'leader', 3_000);
    expect(r.ok).toBe(true); // CheckQuorum: steps down within 1–2 s
    s = runFor(r.state, 10_000);
    expect(clusterStatus(s).hasQuorum).toBe(false);
    expect(linearizableReadOk(s, leader)).toBe(false);
    expect(serializableRevision(s, leader)).not.toBeNull();
    expect(verdict(s).apiWrites).toBe(false);
    // Client writes through the LB now hang and fail after etcd's 7 s request timeout.
    const failedBefore = s.traffic.failed;
    s = runFor(s, 10_000);
    expect(s.traffic.failed).toBeGreaterThan(failedBefore);
  });

  it('a two-member etcd loses writes when either member dies (quorum of 2 is 2)', () => {
    for (const victim of [0, 1]) {
      let s = booted({ seed: 4, topology: 'external', etcdMembers: 2 });
      expect(verdict(s).apiWrites).toBe(true);
      s = act(s, { type: 'crash', target: s.etcd.order[victim] });
      s = runFor(s, 5_000);
      expect(clusterStatus(s).hasQuorum).toBe(false);
      expect(verdict(s).apiWrites).toBe(false);
    }
  });

  it('a one-member etcd keeps writing (no failure tolerance, but nothing else to lose)', () => {
    let s = booted({ seed: 4, topology: 'external', etcdMembers: 1 });
    s = runFor(s, 5_000);
    expect(verdict(s).apiWrites).toBe(true);
  });
});

describe('stacked vs external apiserver', () => {
  it('stacked: an apiserver whose local etcd member is down is unready while its peers serve', () => {
    let s = booted({ seed: 6 });
    const victim = 'master-2';
    s = act(s, { type: 'stop', target: victim, component: 'etcd' });
    s = runFor(s, 3_000);
    expect(clusterStatus(s).hasQuorum).toBe(true);
    expect(etcdPathFor(s, victim)).toBeNull();
    expect(s.masters[victim].apiserver.state).toBe('running');
    expect(s.masters[victim].apiserver.ready).toBe(false);
    expect(s.masters['master-1'].apiserver.ready).toBe(true);
    expect(s.masters['master-3'].apiserver.ready).toBe(true);
    expect(apiThroughLb(s).writes).toBe(true);
    expect(s.events.some((e) => e.kind === 'apiserver.unavailable' && e.subject === victim)).toBe(true);
  });

  it('external: the same apiserver keeps serving through another member', () => {
    let s = booted({ seed: 6, topology: 'external' });
    const victim = 'master-2';
    const member = s.masters[victim].apiserver.endpoints[s.masters[victim].apiserver.endpointCursor];
    s = act(s, { type: 'crash', target: member });
    s = runFor(s, 3_000);
    expect(clusterStatus(s).hasQuorum).toBe(true);
    expect(etcdPathFor(s, victim)).not.toBeNull();
    expect(s.masters[victim].apiserver.ready).toBe(true);
    let result = '';
    let id = 0;
    const next = produce(s, (d) => { id = newRequestId(d); result = writeVia(d, victim, { kind: 'writes', requestId: id, count: 1 }); });
    // etcd took it; it commits when the followers' answers arrive over the wire, by the next tick.
    expect(result).toBe('pending');
    expect(runFor(next, 100).store.results[id]?.result).toBe('ok');
  });

  it('stacked: crashing a master takes its etcd member with it; external: etcd keeps every member', () => {
    let stacked = booted({ seed: 7 });
    stacked = act(stacked, { type: 'crash', target: 'master-1' });
    stacked = runFor(stacked, 3_000);
    expect(clusterStatus(stacked).serving).toBe(2);
    let external = booted({ seed: 7, topology: 'external' });
    external = act(external, { type: 'crash', target: 'master-1' });
    external = runFor(external, 3_000);
    expect(clusterStatus(external).serving).toBe(3);
  });

  it('switching topology keeps the data and re-wires the apiservers', () => {
    let s = booted({ seed: 9 });
    const rev = s.etcd.revision;
    s = apply(s, { type: 'set-topology', topology: 'external' });
    expect(s.etcd.order.every((id) => id.startsWith('etcd-'))).toBe(true);
    expect(s.masters['master-1'].apiserver.endpoints).toEqual(s.etcd.order);
    s = runFor(s, 5_000);
    expect(clusterStatus(s).hasQuorum).toBe(true);
    expect(s.etcd.revision).toBeGreaterThanOrEqual(rev);
    expect(verdict(s).apiWrites).toBe(true);
    s = apply(s, { type: 'set-topology', topology: 'stacked' });
    expect(s.masters['master-2'].apiserver.endpoints).toEqual(['master-2']);
    s = runFor(s, 5_000);
    expect(clusterStatus(s).hasQuorum).toBe(true);
  });
});

describe('apiserver restarts when etcd stays unusable (docs/FIDELITY.md §8 item 8, §10.5)', () => {
  it('liveness restarts it ~80 s after etcd was last usable; restarted, it fails its startup probe for 240 s before the next restart', () => {
    let s = booted({ seed: 8 });
    s = act(s, { type: 'crash', target: 'master-1' });
    s = act(s, { type: 'crash', target: 'master-2' });
    const t0 = s.t;
    s = runFor(s, 900_000);
    const restarts = s.events.filter((e) => e.kind === 'apiserver.liveness_restart' && e.subject === 'master-3');
    expect(restarts.length).toBeGreaterThanOrEqual(2);
    expect(restarts[0].t - t0).toBeGreaterThanOrEqual(80_000);
    expect(restarts[0].t - t0).toBeLessThanOrEqual(83_000);
    expect(restarts[0].message).toMatch(/livez/);
    for (let i = 1; i < restarts.length; i++) {
      // back-off (10 s, 20 s, …) to start again, then 240 s of failed startup probes
      expect(restarts[i].t - restarts[i - 1].t).toBeGreaterThanOrEqual(240_000);
      expect(restarts[i].message).toMatch(/startup probe/);
    }
  });
});

describe('kubelet restarts (docs/FIDELITY.md §10.5)', () => {
  /** Kills a component and returns how long the kubelet took to have it running again. */
  function killAndWait(s: State, target: string, component: 'scheduler' | 'apiserver'): { state: State; ms: number } {
    s = act(s, { type: 'kill', target, component });
    const t0 = s.t;
    const running = (x: State) => (component === 'apiserver' ? x.masters[target].apiserver.state : x.masters[target].electors.scheduler.state) === 'running';
    const r = runUntil(s, running, 400_000);
    expect(r.ok).toBe(true);
    return { state: r.state, ms: r.t - t0 };
  }

  it('the first exit is restarted at once; back-off 10 s doubling from the second; reset after 10 min running', () => {
    let s = booted({ seed: 9 });
    const target = 'master-2';
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = killAndWait(s, target, 'scheduler');
      delays.push(r.ms);
      s = r.state;
    }
    // container start ≈ 1 s, plus 0, 10, 20, 40 s of back-off
    expect(delays[0]).toBeLessThanOrEqual(1_100);
    expect(delays[1] - delays[0]).toBeGreaterThanOrEqual(10_000 - 100);
    expect(delays[1] - delays[0]).toBeLessThanOrEqual(10_000 + 100);
    expect(delays[2] - delays[0]).toBeGreaterThanOrEqual(20_000 - 100);
    expect(delays[3] - delays[0]).toBeGreaterThanOrEqual(40_000 - 100);
    s = runFor(s, 600_000);
    expect(killAndWait(s, target, 'scheduler').ms).toBeLessThanOrEqual(1_100);
  });

  it('a killed apiserver is restarted at once but takes ~10 s to open its port; the second kill adds 10 s of back-off', () => {
    let s = booted({ seed: 10 });
    const first = killAndWait(s, 'master-3', 'apiserver');
    expect(first.ms).toBeGreaterThanOrEqual(10_000 - 100);
    expect(first.ms).toBeLessThanOrEqual(10_000 + 100);
    s = first.state;
    const second = killAndWait(s, 'master-3', 'apiserver');
    expect(second.ms).toBeGreaterThanOrEqual(20_000 - 100);
    expect(second.ms).toBeLessThanOrEqual(20_000 + 100);
  });
});
