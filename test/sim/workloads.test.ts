// Pods without a control plane (docs/FIDELITY.md §6): they keep running; nothing is recreated without a KCM leader.
import { describe, expect, it } from 'vitest';
import { workloadsView } from '../../source/sim/views.js';
import { act, booted, runFor, runUntil } from './helpers.js';

describe('workloads', () => {
  it('control plane down → pods keep running; a deleted pod is not recreated until a KCM leader exists', () => {
    let s = booted({ seed: 31, replicas: 6 });
    expect(workloadsView(s).running).toBe(6);
    // Stop every controller-manager: the API still works, but nobody runs the ReplicaSet controller.
    for (const id of Object.keys(s.masters)) s = act(s, { type: 'stop', target: id, component: 'controller-manager' });
    s = runFor(s, 2_000);
    s = act(s, { type: 'delete-pod' });
    expect(Object.keys(s.workloads.pods).length).toBe(5);
    s = runFor(s, 60_000);
    expect(workloadsView(s).running).toBe(5);
    expect(workloadsView(s).stalledReason).toMatch(/controller-manager/);
    // Bring one KCM back: after it wins the lease (≥ 15 s of watching) the pod is recreated and scheduled.
    s = act(s, { type: 'restart', target: 'master-2', component: 'controller-manager' });
    const t0 = s.t;
    const r = runUntil(s, (x) => workloadsView(x).running === 6, 40_000);
    expect(r.ok).toBe(true);
    expect(r.t - t0).toBeGreaterThanOrEqual(15_000);
  });

  it('etcd quorum lost → running pods stay Running, nothing changes', () => {
    let s = booted({ seed: 32, replicas: 6 });
    s = act(s, { type: 'crash', target: 'master-1' });
    s = act(s, { type: 'crash', target: 'master-2' });
    s = runFor(s, 120_000);
    const w = workloadsView(s);
    expect(w.running).toBe(6);
    expect(w.pending).toBe(0);
  });

  it('never shows more pods than desired through leader changes', () => {
    let s = booted({ seed: 33, replicas: 6, masters: 5 });
    for (let i = 0; i < 6; i++) {
      const h = Object.keys(s.masters).find((id) => s.masters[id].electors['controller-manager'].leading);
      if (h) s = act(s, { type: 'kill', target: h, component: 'controller-manager' });
      s = act(s, { type: 'delete-pod' });
      for (let k = 0; k < 30; k++) {
        s = runFor(s, 1_000);
        expect(Object.keys(s.workloads.pods).length).toBeLessThanOrEqual(6);
      }
    }
  });
});

describe('node lifecycle controller (docs/FIDELITY.md §6, §10.5)', () => {
  it('2 crashed workers of 6 nodes: NotReady after the grace period, tainted 10 s apart, pods evicted 300 s later and recreated; Terminating until the node returns', () => {
    let s = booted({ seed: 34, replicas: 6 });
    s = act(s, { type: 'crash', target: 'worker-1' });
    s = act(s, { type: 'crash', target: 'worker-2' });
    const t0 = s.t;
    const nr = runUntil(s, (x) => x.workloads.notReadySince['worker-2'] !== undefined && x.workloads.notReadySince['worker-1'] !== undefined, 120_000);
    expect(nr.ok).toBe(true);
    // 50 s grace, checked every 5 s.
    expect(nr.t - t0).toBeGreaterThan(50_000);
    expect(nr.t - t0).toBeLessThanOrEqual(60_000);
    const ev = nr.state.events.filter((e) => e.kind === 'node.not_ready');
    expect(ev.length).toBe(2);
    for (const e of ev) expect(e.message).toMatch(/evicted 300 s later/);
    expect(nr.state.workloads.zone).toBe('normal'); // 2 NotReady is not "more than 2"
    s = runFor(nr.state, 400_000);
    const tainted = s.events.filter((e) => e.kind === 'node.tainted').map((e) => e.t);
    expect(tainted.length).toBe(2);
    expect(tainted[1] - tainted[0]).toBeGreaterThanOrEqual(10_000); // 0.1 node/s
    const evicted = s.events.filter((e) => e.kind === 'pods.evicted');
    expect(evicted.length).toBe(2);
    expect(evicted[0].t - tainted[0]).toBeGreaterThanOrEqual(300_000);
    expect(evicted[0].t - tainted[0]).toBeLessThanOrEqual(305_000);
    let v = workloadsView(s);
    expect(v.runningReachable).toBe(6); // all on worker-3 now
    expect(v.terminating).toBe(4);
    expect(v.pending).toBe(0);
    expect(Object.values(s.workloads.pods).filter((p) => p.phase === 'Running').every((p) => p.node === 'worker-3')).toBe(true);
    // worker-1 comes back: once it is Ready, its kubelet confirms the evicted pods are gone.
    s = act(s, { type: 'recover', target: 'worker-1' });
    s = runUntil(s, (x) => x.workloads.notReadySince['worker-1'] === undefined, 30_000).state;
    v = workloadsView(s);
    expect(v.terminating).toBe(2);
    expect(v.runningReachable).toBe(6);
  });

  it('partial disruption: 4 of 7 nodes NotReady (> 2 and ≥ 55 %) in a small cluster → no evictions, and the NotReady event says so', () => {
    let s = booted({ seed: 35, replicas: 8, workers: 4 });
    for (const w of ['worker-1', 'worker-2', 'worker-3', 'worker-4']) s = act(s, { type: 'crash', target: w });
    s = runFor(s, 600_000);
    expect(s.workloads.zone).toBe('partial');
    expect(s.events.some((e) => e.kind === 'node.zone_state' && e.data?.to === 'partial')).toBe(true);
    const ev = s.events.filter((e) => e.kind === 'node.not_ready');
    expect(ev.length).toBe(4);
    for (const e of ev) {
      expect(e.message).toMatch(/evictions stop/);
      expect(e.message).not.toMatch(/evicted 300 s later/);
    }
    expect(s.events.some((e) => e.kind === 'pods.evicted' || e.kind === 'node.tainted')).toBe(false);
    expect(workloadsView(s).terminating).toBe(0);
  });

  it('3 of 6 NotReady is under 55 %: the zone stays normal and evictions go on', () => {
    let s = booted({ seed: 36, replicas: 6, workers: 3 });
    for (const w of ['worker-1', 'worker-2', 'worker-3']) s = act(s, { type: 'crash', target: w });
    s = runFor(s, 420_000);
    expect(s.workloads.zone).toBe('normal');
    expect(s.events.filter((e) => e.kind === 'pods.evicted').length).toBeGreaterThan(0);
  });

  it('full disruption (the LB is down, no kubelet reaches the API): master disruption mode, no evictions', () => {
    let s = booted({ seed: 37, replicas: 6 });
    s = act(s, { type: 'crash', target: 'lb-1' });
    s = runFor(s, 600_000);
    expect(s.workloads.zone).toBe('full');
    const mode = s.events.find((e) => e.kind === 'node.zone_state' && e.data?.to === 'full');
    expect(mode?.message).toMatch(/master disruption mode/);
    for (const e of s.events.filter((x) => x.kind === 'node.not_ready')) expect(e.message).not.toMatch(/evicted 300 s later/);
    expect(s.events.some((e) => e.kind === 'pods.evicted')).toBe(false);
    expect(Object.keys(s.workloads.taintedAt)).toHaveLength(0);
    expect(workloadsView(s).running).toBe(6);
    s = act(s, { type: 'recover', target: 'lb-1' });
    s = runFor(s, 60_000);
    expect(s.workloads.zone).toBe('normal');
    expect(Object.keys(s.workloads.notReadySince)).toHaveLength(0);
    expect(workloadsView(s).runningReachable).toBe(6);
  });
});
