// In-cluster clients reach the API through the `kubernetes` Service, not the load balancer: kube-proxy
// sends each new connection to one of the endpoints, which keep a dead apiserver until its
// reconciler lease has expired and a live apiserver has rewritten them (docs/FIDELITY.md §10.2).
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import { act, booted, runFor, runUntil } from './helpers.js';
import { tick } from '../../source/sim/engine.js';
import { serviceEndpoints } from '../../source/sim/service-endpoints.js';
import { DIAL_TIMEOUT_MS, inClusterView } from '../../source/sim/in-cluster-clients.js';
import { HTTP2_PING_TIMEOUT_MS, HTTP2_READ_IDLE_MS } from '../../source/sim/client-connections.js';

const SEEDS = Array.from({ length: 12 }, (_, i) => 500 + i);
const HEALTH_CHECK_MS = HTTP2_READ_IDLE_MS + HTTP2_PING_TIMEOUT_MS;

const failed = (s: State) => s.clients.inClusterStats.failed;

/** Ticks until `ms` after `t0`, noting when in-cluster requests last failed. */
function watchFailures(s: State, t0: number, ms: number): { state: State; lastFailAt: number | null; failures: number } {
  let cur = s;
  let lastFailAt: number | null = null;
  const start = failed(s);
  while (cur.t - t0 < ms) {
    const before = failed(cur);
    cur = tick(cur);
    if (failed(cur) > before) lastFailAt = cur.t - t0;
  }
  return { state: cur, lastFailAt, failures: failed(cur) - start };
}

describe('in-cluster clients through the kubernetes Service', () => {
  it('a crashed master: its address stays 5-25 s, dials to it time out, and failures stop once the last ones have', () => {
    const goneAfter: number[] = [];
    for (const seed of SEEDS) {
      let s = runFor(booted({ seed }), 3_000);
      expect(inClusterView(s).connected).toBeGreaterThan(0);
      s = act(s, { type: 'crash', target: 'master-2' });
      const t0 = s.t;
      const lbFailedBefore = s.traffic.failed;
      const gone = runUntil(s, (x) => !serviceEndpoints(x).includes('master-2'), 30_000);
      expect(gone.ok, `seed ${seed}`).toBe(true);
      const goneMs = gone.t - t0;
      goneAfter.push(goneMs);
      // Lease expiry (5-15 s after the crash), then the next reconcile of a live apiserver.
      expect(goneMs, `seed ${seed}`).toBeGreaterThanOrEqual(5_000);
      expect(goneMs, `seed ${seed}`).toBeLessThanOrEqual(25_000);
      // No new connection goes to it afterwards: the last failures are dials made before it left
      // (30 s dialer timeout) and connections stuck on it (HTTP/2 health check, 45 s).
      const w = watchFailures(gone.state, t0, Math.max(goneMs + DIAL_TIMEOUT_MS, HEALTH_CHECK_MS) + 30_000);
      expect(w.failures, `seed ${seed}`).toBeGreaterThan(0);
      expect(w.lastFailAt, `seed ${seed}`).not.toBeNull();
      expect(w.lastFailAt!, `seed ${seed}`).toBeLessThanOrEqual(Math.max(goneMs + DIAL_TIMEOUT_MS, HEALTH_CHECK_MS) + 200);
      expect(w.lastFailAt!, `seed ${seed}`).toBeGreaterThanOrEqual(DIAL_TIMEOUT_MS);
      // Through the load balancer (retries 1 + redispatch) the same crash costs nothing.
      expect(w.state.traffic.failed - lbFailedBefore, `seed ${seed}`).toBeLessThanOrEqual(2);
    }
    // The reconcilers all started together, so the drop lands between 10 and 20 s here; it varies with the crash's moment.
    expect(Math.max(...goneAfter)).toBeGreaterThan(Math.min(...goneAfter));
  });

  it('a killed apiserver refuses the connections kube-proxy still sends it: in-cluster requests fail at once, LB clients do not', () => {
    for (const seed of SEEDS.slice(0, 6)) {
      let s = runFor(booted({ seed }), 3_000);
      s = act(s, { type: 'kill', target: 'master-2', component: 'apiserver' });
      const lbBefore = s.traffic.failed;
      const w = watchFailures(s, s.t, 5_000);
      expect(w.failures, `seed ${seed}`).toBeGreaterThan(0);
      expect(w.state.traffic.failed - lbBefore, `seed ${seed}`).toBeLessThanOrEqual(2);
    }
  });

  it('an apiserver stopped gracefully removes its own address at once: in-cluster clients barely notice', () => {
    for (const seed of SEEDS.slice(0, 6)) {
      let s = runFor(booted({ seed }), 3_000);
      s = act(s, { type: 'stop', target: 'master-2', component: 'apiserver' });
      s = runFor(s, 200);
      expect(serviceEndpoints(s), `seed ${seed}`).toEqual(['master-1', 'master-3']);
      const w = watchFailures(s, s.t, 40_000);
      expect(w.failures, `seed ${seed}`).toBeLessThanOrEqual(2);
    }
  });

  it('a cut-off worker keeps its old rules; its clients fail until it is healed, the others do not', () => {
    let s = runFor(booted({ seed: 7 }), 3_000);
    s = act(s, { type: 'partition', target: 'worker-1' });
    s = act(s, { type: 'stop', target: 'master-3', component: 'apiserver' });
    s = runFor(s, 2_000);
    for (const c of s.clients.inCluster) {
      if (c.node === 'worker-1') expect(c.rules).toEqual(['master-1', 'master-2', 'master-3']);
      else expect(c.rules).toEqual(['master-1', 'master-2']);
    }
    const before = failed(s);
    // Its dials wait out the dialer's timeout (30 s) before they fail.
    s = runFor(s, DIAL_TIMEOUT_MS + 1_000);
    expect(failed(s)).toBeGreaterThan(before);
    s = runFor(act(s, { type: 'heal-node', target: 'worker-1' }), 50_000);
    const w = watchFailures(s, s.t, 20_000);
    expect(w.failures).toBe(0);
  });
});
