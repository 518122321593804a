// HAProxy health checks and request routing (docs/FIDELITY.md §5.1): DOWN after fall × inter, UP after rise × inter.
import { describe, expect, it } from 'vitest';
import { act, booted, runUntil, runFor } from './helpers.js';

describe('load balancer', () => {
  it('marks a powered-off backend DOWN after fall timed-out checks (≈ 10-12 s) and UP after rise × inter (≈ 4 s)', () => {
    let s = booted({ seed: 12, rps: 100 });
    const t0 = s.t;
    s = act(s, { type: 'crash', target: 'master-2' });
    const down = runUntil(s, (x) => x.lb.backends['master-2'].status === 'DOWN', 20_000);
    expect(down.ok).toBe(true);
    // Three checks that each time out after inter (2 s), 2 s apart: 10-12 s after the crash.
    expect(down.t - t0).toBeGreaterThanOrEqual(9_500);
    expect(down.t - t0).toBeLessThanOrEqual(12_500);
    // After DOWN, no new requests go there.
    const servedAtDown = down.state.lb.backends['master-2'].served;
    s = runFor(down.state, 5_000);
    expect(s.lb.backends['master-2'].served).toBe(servedAtDown);
    // Recover: rise 2 checks → UP within (2, 4] s once the apiserver is ready again.
    s = act(s, { type: 'recover', target: 'master-2' });
    const ready = runUntil(s, (x) => x.masters['master-2'].apiserver.ready, 10_000);
    expect(ready.ok).toBe(true);
    const up = runUntil(ready.state, (x) => x.lb.backends['master-2'].status === 'UP', 10_000);
    expect(up.ok).toBe(true);
    // rise 2: the first good check can come right away, the second one inter (2 s) later.
    expect(up.t - ready.t).toBeGreaterThanOrEqual(2_000);
    expect(up.t - ready.t).toBeLessThanOrEqual(4_000);
    expect(up.state.events.some((e) => e.kind === 'lb.backend_down' && e.subject === 'master-2')).toBe(true);
    expect(up.state.events.some((e) => e.kind === 'lb.backend_up' && e.subject === 'master-2')).toBe(true);
  });

  it('a killed apiserver (connection refused) is redispatched: clients barely notice', () => {
    let s = booted({ seed: 13, rps: 100 });
    const failedTotal = s.traffic.failed;
    // Requests the killed process was holding (a write waiting a tick for its commit) get a RST:
    // HAProxy retries connects, not requests already sent. Every later request is redispatched.
    const held = s.masters['master-1'].apiserver.pending.reduce((n, b) => n + b.count, 0);
    s = act(s, { type: 'kill', target: 'master-1', component: 'apiserver' });
    s = runFor(s, 8_000);
    expect(s.traffic.redispatched).toBeGreaterThan(0);
    expect(s.traffic.failed - failedTotal).toBeLessThanOrEqual(held);
  });

  it('without redispatch, refused connections fail until the backend is DOWN', () => {
    let s = booted({ seed: 13, rps: 100, knobs: { redispatch: false } });
    const failedTotal = s.traffic.failed;
    s = act(s, { type: 'kill', target: 'master-1', component: 'apiserver' });
    s = runFor(s, 8_000);
    expect(s.traffic.failed - failedTotal).toBeGreaterThan(0);
    expect(s.lb.backends['master-1'].status).toBe('DOWN');
  });

  it("with kubeadm's TLS-only check, an apiserver without etcd stays UP and its requests fail", () => {
    let s = booted({ seed: 14, knobs: { lbCheck: 'tls' } });
    s = act(s, { type: 'stop', target: 'master-3', component: 'etcd' });
    s = runFor(s, 20_000);
    expect(s.lb.backends['master-3'].status).toBe('UP');
    expect(s.lb.backends['master-3'].failed).toBeGreaterThan(0);
    let r = booted({ seed: 14, knobs: { lbCheck: 'readyz' } });
    r = act(r, { type: 'stop', target: 'master-3', component: 'etcd' });
    r = runFor(r, 20_000);
    expect(r.lb.backends['master-3'].status).toBe('DOWN');
  });

  it('roundrobin spreads requests evenly over UP backends', () => {
    let s = booted({ seed: 15, rps: 300 });
    const before = s.lb.order.map((id) => s.lb.backends[id].served);
    s = runFor(s, 10_000);
    const served = s.lb.order.map((id, i) => s.lb.backends[id].served - before[i]);
    const total = served.reduce((a, b) => a + b, 0);
    for (const n of served) expect(Math.abs(n / total - 1 / 3)).toBeLessThan(0.02);
  });

  it('a single LB is a single point of failure; a keepalived pair moves the VIP in ≈ 3.6 s', () => {
    let one = booted({ seed: 16 });
    one = act(one, { type: 'crash', target: 'lb-1' });
    one = runFor(one, 10_000);
    expect(one.traffic.history.slice(-3).every((h) => h.ok === 0)).toBe(true);
    let pair = booted({ seed: 16, lbPair: true });
    expect(pair.lb.vipHolder).toBe('lb-1');
    pair = act(pair, { type: 'crash', target: 'lb-1' });
    const t0 = pair.t;
    const moved = runUntil(pair, (x) => x.lb.vipHolder === 'lb-2', 10_000);
    expect(moved.ok).toBe(true);
    expect(moved.t - t0).toBeGreaterThan(2_600); // Master_Down_Interval counts from the last advert heard, up to 1 s before the crash
    expect(moved.t - t0).toBeLessThanOrEqual(4_700);
    const after = runFor(moved.state, 5_000);
    expect(after.traffic.history.slice(-2).every((h) => h.ok > 0)).toBe(true);
  });
});
