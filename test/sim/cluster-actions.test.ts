// The cluster-changing actions, by what they do to the running cluster: removing a master (with
// its stacked etcd member), adding an external etcd member, switching the LB's algorithm.
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import { clusterStatus } from '../../source/sim/etcd/index.js';
import { act, booted, cluster, eventsOfKind, holder, runFor, runUntil } from './helpers.js';

/** Requests the LB has sent to a backend so far: answered, failed, or still waiting on etcd. */
function sent(s: State, id: string): number {
  const b = s.lb.backends[id];
  const waiting = s.masters[id].apiserver.pending.reduce((a, p) => a + p.count, 0);
  return b.served + b.failed + waiting;
}

describe('remove-master', () => {
  it('takes the master, its backend and its stacked etcd member out; the lease moves and etcd runs on 2 voters', () => {
    let s = booted({ seed: 31 });
    const kcm = holder(s, 'kube-controller-manager')!;
    const rest = Object.keys(s.masters).filter((m) => m !== kcm);
    s = act(s, { type: 'remove-master', target: kcm });
    expect(Object.keys(s.masters)).toEqual(rest);
    expect(s.nodes[kcm]).toBeUndefined();
    expect(s.nodeOrder).not.toContain(kcm);
    expect(s.lb.order).toEqual(rest);
    expect(s.lb.backends[kcm]).toBeUndefined();
    expect(s.config.masters).toBe(2);
    expect(s.etcd.order).toEqual(rest);
    expect(clusterStatus(s).quorum).toBe(2);
    expect(eventsOfKind(s, 'master.removed').map((e) => e.subject)).toEqual([kcm]);

    const before = Object.fromEntries(rest.map((m) => [m, sent(s, m)]));
    const moved = runUntil(s, (x) => holder(x, 'kube-controller-manager') !== kcm && holder(x, 'kube-controller-manager') !== null, 30_000);
    expect(moved.ok).toBe(true);
    expect(rest).toContain(holder(moved.state, 'kube-controller-manager'));
    s = runFor(moved.state, 5_000);
    const st = clusterStatus(s);
    expect(st.hasQuorum).toBe(true);
    expect(rest).toContain(st.leader);
    // Traffic goes on, to the two that are left.
    for (const m of rest) expect(sent(s, m)).toBeGreaterThan(before[m]);
    // Two voters need both: losing one more master loses quorum.
    s = act(s, { type: 'crash', target: rest[0] });
    s = runFor(s, 3_000);
    expect(clusterStatus(s).hasQuorum).toBe(false);
  });

  it('refuses to remove the last master, and changes nothing', () => {
    let s = booted({ seed: 32, masters: 1 });
    const masters = Object.keys(s.masters);
    s = act(s, { type: 'remove-master' });
    expect(Object.keys(s.masters)).toEqual(masters);
    expect(eventsOfKind(s, 'action.rejected').at(-1)?.message).toMatch(/last master cannot be removed/);
    expect(eventsOfKind(s, 'master.removed')).toEqual([]);
  });
});

describe('add-etcd', () => {
  it('adds a voter that catches up, that every apiserver may use, and that raises the quorum to 3 of 4', () => {
    let s = booted({ seed: 33, topology: 'external' });
    s = runFor(s, 2_000);
    s = act(s, { type: 'add-etcd' });
    expect(s.etcd.order).toEqual(['etcd-1', 'etcd-2', 'etcd-3', 'etcd-4']);
    expect(s.nodes['etcd-4']).toMatchObject({ kind: 'etcd', state: 'up' });
    expect(s.config.etcdMembers).toBe(4);
    for (const m of Object.values(s.masters)) expect(m.apiserver.endpoints).toContain('etcd-4');
    expect(clusterStatus(s).quorum).toBe(3);
    // It starts empty and catches up from the leader.
    expect(s.etcd.members['etcd-4'].commitIndex).toBe(0);
    const caught = runUntil(s, (x) => {
      const l = clusterStatus(x).leader;
      return l !== null && x.etcd.members['etcd-4'].leader === l && x.etcd.members['etcd-4'].commitIndex === x.etcd.members[l].commitIndex && x.etcd.members[l].commitIndex > 0;
    }, 5_000);
    expect(caught.ok).toBe(true);
    s = caught.state;
    // 4 voters tolerate one failure, as 3 do, and not two.
    const others = s.etcd.order.filter((m) => m !== clusterStatus(s).leader && m !== 'etcd-4');
    s = act(s, { type: 'crash', target: others[0] });
    s = runFor(s, 3_000);
    expect(clusterStatus(s).hasQuorum).toBe(true);
    s = act(s, { type: 'crash', target: others[1] });
    s = runFor(s, 3_000);
    expect(clusterStatus(s).serving).toBe(2);
    expect(clusterStatus(s).hasQuorum).toBe(false);
  });

  it('is refused in the stacked topology, where members come with masters', () => {
    let s = cluster({ seed: 34 });
    const order = [...s.etcd.order];
    s = act(s, { type: 'add-etcd' });
    expect(s.etcd.order).toEqual(order);
    expect(eventsOfKind(s, 'action.rejected').at(-1)?.message).toMatch(/stacked topology/);
  });
});

describe('set-lb-algorithm', () => {
  it('roundrobin → leastconn: new requests avoid a backend whose requests hang, which roundrobin keeps feeding', () => {
    // kubeadm's TLS-only check keeps master-2 UP after its etcd member stops: its requests wait
    // for etcd's request timeout. roundrobin sends it a third regardless; leastconn sees its
    // connections pile up and sends new requests elsewhere.
    const base = act(booted({ seed: 35, rps: 100, knobs: { lbCheck: 'tls' } }), { type: 'stop', target: 'master-2', component: 'etcd' });
    const share = (s0: State): number => {
      const s1 = runFor(s0, 3_000);
      const s2 = runFor(s1, 4_000);
      const total = Object.keys(s2.masters).reduce((a, m) => a + sent(s2, m) - sent(s1, m), 0);
      return (sent(s2, 'master-2') - sent(s1, 'master-2')) / total;
    };
    const switched = act(base, { type: 'set-lb-algorithm', algorithm: 'leastconn' });
    expect(switched.lb.algorithm).toBe('leastconn');
    expect(switched.config.lbAlgorithm).toBe('leastconn');
    expect(eventsOfKind(switched, 'lb.algorithm').at(-1)?.message).toMatch(/leastconn/);
    expect(base.lb.backends['master-2'].status).toBe('UP');
    const rr = share(base);
    const lc = share(switched);
    expect(rr).toBeGreaterThan(0.3);
    expect(rr).toBeLessThan(0.37);
    expect(lc).toBeLessThan(0.1);
  });

  it('roundrobin → random: the spread over the backends stops being even', () => {
    let unevenRandom = 0;
    const seeds = [41, 42, 43, 44, 45];
    for (const seed of seeds) {
      const base = booted({ seed, rps: 300 });
      const spread = (s0: State) => {
        const s1 = runFor(s0, 10_000);
        const counts = Object.keys(s1.masters).map((m) => s1.lb.backends[m].served - s0.lb.backends[m].served);
        return { min: Math.min(...counts), max: Math.max(...counts), total: counts.reduce((a, b) => a + b, 0) };
      };
      const rr = spread(base);
      const rnd = spread(act(base, { type: 'set-lb-algorithm', algorithm: 'random' }));
      // roundrobin: even to within a request or two; random: every backend used, not evenly
      expect(rr.max - rr.min).toBeLessThanOrEqual(2);
      expect(rnd.min).toBeGreaterThan(rnd.total / 3 * 0.8);
      if (rnd.max - rnd.min > rr.max - rr.min) unevenRandom++;
    }
    expect(unevenRandom).toBe(seeds.length);
  });
});
