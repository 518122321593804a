// Pods without a control plane (FIDELITY §6): they keep running; nothing is recreated without a KCM leader.
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
