// What clients see when a backend dies, over many seeds: refused vs silent hosts, retries and
// redispatch, requests hanging on a crashed host, leastconn and random (HAProxy semantics).
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import type { SimAction } from '../../source/sim/actions.js';
import { act, booted, runUntil, runFor, type ConfigOverrides } from './helpers.js';

const FAULT_AT_MS = 30_000;
const SEEDS = Array.from({ length: 16 }, (_, i) => 100 + i);

interface FaultRun { downAfterMs: number; requests: number; failed: number; slow: number; state: State; t0: number; inflightAtFault: number }

/**
 * Requests already past the connect when the fault hit (held by an apiserver, e.g. a write waiting
 * one tick for its commit): HAProxy does not retry those, so a fault may fail them (a RST from a
 * killed process; a proposal lost with a crashed etcd leader fails at etcd's request timeout).
 */
function inflightAt(s: State): number {
  let n = 0;
  for (const id in s.masters) for (const b of s.masters[id].apiserver.pending) n += b.count;
  return n;
}

/** Applies `fault` to master-2 and runs until it is marked DOWN (then `extraMs` more). */
function faultRun(seed: number, fault: SimAction, overrides: ConfigOverrides = {}, extraMs = 0): FaultRun {
  let s = booted({ seed, ...overrides });
  // Every fault at the same whole second, so only the seed's check phase can vary the outcome.
  s = runFor(s, FAULT_AT_MS - s.t);
  const t0 = s.t;
  const before = { ok: s.traffic.ok, failed: s.traffic.failed, slow: s.traffic.slow };
  const inflightAtFault = inflightAt(s);
  s = act(s, fault);
  const down = runUntil(s, (x) => x.lb.backends['master-2'].status === 'DOWN', 30_000);
  if (!down.ok) throw new Error(`seed ${seed}: master-2 never marked DOWN`);
  const end = runFor(down.state, extraMs);
  // Requests sent between the fault and DOWN: rps × window.
  const requests = ((down.t - t0) / 1000) * end.traffic.rps;
  return { downAfterMs: down.t - t0, requests, failed: end.traffic.failed - before.failed, slow: end.traffic.slow - before.slow, state: end, t0, inflightAtFault };
}

const crash: SimAction = { type: 'crash', target: 'master-2' };
const kill: SimAction = { type: 'kill', target: 'master-2', component: 'apiserver' };

describe('LB detection time depends on how the backend died, and on the seed', () => {
  it('a refused backend (killed apiserver) is DOWN 4-6.5 s after, varying with the seed', () => {
    const times = SEEDS.map((seed) => faultRun(seed, kill).downAfterMs);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(4_000);
      expect(t).toBeLessThanOrEqual(6_500);
    }
    expect(new Set(times).size).toBeGreaterThanOrEqual(5);
  });

  it('a powered-off backend (crashed master) is DOWN 9.5-12.5 s after, varying with the seed', () => {
    const times = SEEDS.map((seed) => faultRun(seed, crash).downAfterMs);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(9_500);
      expect(t).toBeLessThanOrEqual(12_500);
    }
    expect(new Set(times).size).toBeGreaterThanOrEqual(5);
  });
});

describe('retries and redispatch as HAProxy does them', () => {
  it('retries ≥ 1 + redispatch: a powered-off master costs no failed request, but about a third arrive ~5 s late until DOWN', () => {
    for (const seed of SEEDS.slice(0, 8)) {
      const r = faultRun(seed, crash, { knobs: { retries: 1 } }, 6_000);
      // No request sent after the crash fails; only ones already in flight may.
      expect(r.failed).toBeLessThanOrEqual(r.inflightAtFault);
      expect(r.slow / r.requests).toBeGreaterThan(0.25);
      expect(r.slow / r.requests).toBeLessThan(0.45);
    }
  });

  it('retries 0: about a third of the requests until DOWN fail, after the 5 s connect timeout', () => {
    for (const seed of SEEDS.slice(0, 8)) {
      const r = faultRun(seed, crash, { knobs: { retries: 0 } }, 6_000);
      expect(r.failed / r.requests).toBeGreaterThan(0.25);
      expect(r.failed / r.requests).toBeLessThan(0.42);
    }
    // The first failure comes only when the first connect times out.
    let s = booted({ seed: 7, knobs: { retries: 0 } });
    const f0 = s.traffic.failed;
    s = act(s, crash);
    const t0 = s.t;
    const first = runUntil(s, (x) => x.traffic.failed > f0, 10_000);
    expect(first.t - t0).toBeGreaterThanOrEqual(5_000);
    expect(first.t - t0).toBeLessThanOrEqual(5_200);
  });

  it('refused + retries 0: immediate 503s; refused + retries + redispatch: none', () => {
    let s = booted({ seed: 8, knobs: { retries: 0 } });
    const f0 = s.traffic.failed;
    s = act(s, kill);
    const t0 = s.t;
    const first = runUntil(s, (x) => x.traffic.failed > f0, 2_000);
    expect(first.ok).toBe(true);
    expect(first.t - t0).toBeLessThanOrEqual(200);
    expect(first.state.traffic.slow).toBe(s.traffic.slow);
    const r = faultRun(8, kill, {}, 2_000);
    expect(r.failed).toBeLessThanOrEqual(r.inflightAtFault);
  });

  it('retries N without redispatch: a silent server costs (N+1) × timeout connect, then a 503', () => {
    for (const [retries, ct] of [[1, 5_000], [2, 3_000]] as const) {
      let s = booted({ seed: 9, knobs: { retries, redispatch: false, connectTimeoutMs: ct } });
      const f0 = s.traffic.failed;
      s = act(s, crash);
      const t0 = s.t;
      const first = runUntil(s, (x) => x.traffic.failed > f0, 30_000);
      expect(first.t - t0).toBeGreaterThanOrEqual((retries + 1) * ct);
      expect(first.t - t0).toBeLessThanOrEqual((retries + 1) * ct + 200);
    }
  });

  it('refused without redispatch: retries wait a 1 s turn-around each, then fail', () => {
    let s = booted({ seed: 10, knobs: { retries: 2, redispatch: false } });
    const f0 = s.traffic.failed;
    s = act(s, kill);
    const t0 = s.t;
    const first = runUntil(s, (x) => x.traffic.failed > f0, 10_000);
    expect(first.t - t0).toBeGreaterThanOrEqual(2_000);
    expect(first.t - t0).toBeLessThanOrEqual(2_200);
  });
});

describe('requests in flight on a server that dies', () => {
  /** etcd without quorum (two stacked members stopped), TLS checks so every apiserver stays UP: requests wait on etcd. */
  function stalled(seed: number): State {
    let s = booted({ seed, knobs: { lbCheck: 'tls' } });
    s = act(s, { type: 'stop', target: 'master-2', component: 'etcd' });
    s = act(s, { type: 'stop', target: 'master-3', component: 'etcd' });
    return runFor(s, 8_000);
  }

  it('a crashed host: they hang until timeout server (20 s after they were sent), then fail', () => {
    let s = stalled(21);
    expect(s.masters['master-1'].apiserver.pending.length).toBeGreaterThan(0);
    const f0 = s.lb.backends['master-1'].failed;
    s = act(s, { type: 'crash', target: 'master-1' });
    const quiet = runFor(s, 12_000);
    expect(quiet.lb.backends['master-1'].failed).toBe(f0);
    const later = runFor(quiet, 9_000);
    expect(later.lb.backends['master-1'].failed).toBeGreaterThan(f0);
  });

  it('a killed process on a live host: they fail at once (reset)', () => {
    let s = stalled(21);
    const f0 = s.lb.backends['master-1'].failed;
    const held = s.masters['master-1'].apiserver.pending.reduce((a, b) => a + b.count, 0);
    expect(held).toBeGreaterThan(0);
    s = act(s, { type: 'kill', target: 'master-1', component: 'apiserver' });
    s = runFor(s, 100);
    expect(s.lb.backends['master-1'].failed - f0).toBeGreaterThanOrEqual(held);
  });

  it('the watch cache keeps answering cached reads while etcd has no quorum; writes and consistent reads fail', () => {
    let s = stalled(22);
    const ok0 = s.traffic.ok;
    const f0 = s.traffic.failed;
    s = runFor(s, 10_000);
    const ok = s.traffic.ok - ok0;
    const failed = s.traffic.failed - f0;
    // 40 % cached reads answered, the rest fails after etcd's request timeout.
    expect(ok / (ok + failed)).toBeGreaterThan(0.3);
    expect(ok / (ok + failed)).toBeLessThan(0.5);
  });
});

describe('balance algorithms', () => {
  it('leastconn counts in-flight requests: a silent server full of pending connects gets fewer new ones than with roundrobin', () => {
    const failedWith = (lb: 'leastconn' | 'roundrobin') =>
      SEEDS.slice(0, 4).reduce((a, seed) => a + faultRun(seed, crash, { lbAlgorithm: lb, knobs: { retries: 0 } }, 6_000).failed, 0);
    const lc = failedWith('leastconn');
    const rr = failedWith('roundrobin');
    expect(lc).toBeGreaterThan(0);
    expect(lc).toBeLessThan(rr * 0.5);
  });

  it('leastconn spreads evenly over healthy servers, and random about evenly but not in a fixed cycle', () => {
    for (const lb of ['leastconn', 'random'] as const) {
      let s = booted({ seed: 31, rps: 300, lbAlgorithm: lb });
      const before = s.lb.order.map((id) => s.lb.backends[id].served);
      s = runFor(s, 10_000);
      const served = s.lb.order.map((id, i) => s.lb.backends[id].served - before[i]);
      const total = served.reduce((a, b) => a + b, 0);
      for (const n of served) expect(Math.abs(n / total - 1 / 3)).toBeLessThan(lb === 'random' ? 0.05 : 0.02);
    }
  });
});
