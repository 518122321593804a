// Worker kubelets' long-lived HTTP/2 connections through the LB: a silent server is left only by
// client-go's health check (30 s read idle + 15 s ping timeout), a refused one at once; meanwhile
// the kubelet cannot renew its node Lease.
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import { act, booted, runUntil } from './helpers.js';
import { clientConnectionsView } from '../../source/sim/client-connections.js';

/** The master that worker-1's kubelet is connected to. */
function serverOf(s: State, w = 'worker-1'): string {
  const server = s.clients.kubelets[w].server;
  if (!server) throw new Error(`${w} has no connection`);
  return server;
}

describe('kubelet connections', () => {
  it('every worker kubelet holds a connection and can renew its node lease', () => {
    const s = booted({ seed: 41, workers: 3 });
    const v = clientConnectionsView(s);
    expect(v).toMatchObject({ kubelets: 3, connected: 3, stuck: 0, leaseRenewable: 3 });
  });

  it('a crashed server strands its kubelets for ≈ 45 s (HTTP/2 health check), then they reconnect elsewhere', () => {
    let s = booted({ seed: 42, workers: 3 });
    const victim = serverOf(s);
    s = act(s, { type: 'crash', target: victim });
    const t0 = s.t;
    const stuck = runUntil(s, (x) => x.clients.kubelets['worker-1'].stuckSince !== null, 1_000);
    expect(stuck.ok).toBe(true);
    expect(stuck.state.clients.kubelets['worker-1'].nodeLeaseRenewable).toBe(false);
    const back = runUntil(stuck.state, (x) => x.clients.kubelets['worker-1'].nodeLeaseRenewable, 120_000);
    expect(back.ok).toBe(true);
    expect(back.t - t0).toBeGreaterThanOrEqual(45_000);
    expect(back.t - t0).toBeLessThanOrEqual(46_000);
    expect(serverOf(back.state)).not.toBe(victim);
  });

  it('a killed apiserver resets its connections: the kubelets reconnect at once', () => {
    let s = booted({ seed: 43, workers: 3 });
    const victim = serverOf(s);
    s = act(s, { type: 'kill', target: victim, component: 'apiserver' });
    const t0 = s.t;
    const back = runUntil(s, (x) => x.clients.kubelets['worker-1'].nodeLeaseRenewable && x.clients.kubelets['worker-1'].server !== victim, 5_000);
    expect(back.ok).toBe(true);
    expect(back.t - t0).toBeLessThanOrEqual(200);
    expect(back.state.clients.kubelets['worker-1'].stuckSince).toBeNull();
  });

  it('without etcd quorum a connected kubelet still cannot renew its node lease', () => {
    let s = booted({ seed: 44, workers: 3 });
    const others = s.lb.order.filter((id) => id !== serverOf(s));
    s = act(s, { type: 'stop', target: others[0], component: 'etcd' });
    s = act(s, { type: 'stop', target: others[1], component: 'etcd' });
    const lost = runUntil(s, (x) => !x.clients.kubelets['worker-1'].nodeLeaseRenewable, 5_000);
    expect(lost.ok).toBe(true);
    expect(lost.state.clients.kubelets['worker-1'].server).not.toBeNull();
  });
});
