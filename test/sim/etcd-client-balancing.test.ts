// External etcd: the apiserver's etcd client balances over every endpoint (docs/FIDELITY.md §3).
// A member in a minority keeps its share: its writes fail at etcd's request timeout (7 s) and its
// reads are retried elsewhere. A crashed member stays in the rotation until gRPC keepalive
// notices (30 s + 10 s): the requests sent to it hang meanwhile, then none fail.
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import { act, booted, runFor, runUntil } from './helpers.js';
import { tick } from '../../source/sim/engine.js';
import { etcdClientView, ETCD_KEEPALIVE_TIME_MS, ETCD_KEEPALIVE_TIMEOUT_MS } from '../../source/sim/etcd-client.js';

const SEEDS = Array.from({ length: 10 }, (_, i) => 300 + i);
const KEEPALIVE_MS = ETCD_KEEPALIVE_TIME_MS + ETCD_KEEPALIVE_TIMEOUT_MS;

/** A booted external cluster, settled, and a member that does not lead (with its host). */
function externalCluster(seed: number): { s: State; victim: string; host: string } {
  const s = runFor(booted({ seed, topology: 'external' }), 5_000);
  const victim = s.etcd.order.find((m) => m !== s.etcd.leader)!;
  return { s, victim, host: s.etcd.members[victim].host };
}

interface Counts { ok: number; failed: number; writesOk: number; writesFailed: number; slow: number }
const counts = (s: State): Counts => ({ ok: s.traffic.ok, failed: s.traffic.failed, writesOk: s.traffic.writesOk, writesFailed: s.traffic.writesFailed, slow: s.traffic.slow });
const minus = (a: Counts, b: Counts): Counts => ({ ok: a.ok - b.ok, failed: a.failed - b.failed, writesOk: a.writesOk - b.writesOk, writesFailed: a.writesFailed - b.writesFailed, slow: a.slow - b.slow });

describe('external etcd: the apiserver balances over every endpoint', () => {
  it('a member cut off into a minority fails a third of the writes, each after the 7 s request timeout, for as long as it lasts', () => {
    for (const seed of SEEDS) {
      let { s, victim, host } = externalCluster(seed);
      const timeout = s.config.knobs.etcdRequestTimeoutMs;
      // Cut the member from the other members only: the masters still reach it.
      for (const o of s.etcd.order) if (o !== victim) s = act(s, { type: 'cut', from: host, to: s.etcd.members[o].host, both: true });
      const t0 = s.t;
      const start = counts(s);
      const first = runUntil(s, (x) => x.traffic.writesFailed > start.writesFailed, 20_000);
      expect(first.ok, `seed ${seed}`).toBe(true);
      // The first writes sent to it hang for the whole request timeout, not less.
      expect(first.t - t0, `seed ${seed}`).toBeGreaterThanOrEqual(timeout);
      expect(first.t - t0, `seed ${seed}`).toBeLessThanOrEqual(timeout + 1_000);
      // In steady state it keeps its share of the writes: about a third fail, the rest commit.
      const a = runFor(first.state, 3_000);
      const b = runFor(a, 30_000);
      const d = minus(counts(b), counts(a));
      const share = d.writesFailed / (d.writesFailed + d.writesOk);
      expect(share, `seed ${seed}`).toBeGreaterThan(0.2);
      expect(share, `seed ${seed}`).toBeLessThan(0.45);
      // Its reads are retried on another endpoint: most still answer, ~7 s late.
      expect(d.slow, `seed ${seed}`).toBeGreaterThan(0);
      expect(d.failed - d.writesFailed, `seed ${seed}`).toBeLessThan(0.1 * (d.ok - d.writesOk));
    }
  });

  it('a crashed member hangs the requests sent to it until keepalive drops it (≈ 40 s), then none fail', () => {
    for (const seed of SEEDS) {
      let { s, victim, host } = externalCluster(seed);
      s = act(s, { type: 'crash', target: host });
      const t0 = s.t;
      const start = counts(s);
      // Every apiserver keeps it in its rotation until its keepalive gives up.
      const dropped = runUntil(s, (x) => Object.keys(x.masters).every((m) => !etcdClientView(x, m).ready.includes(victim)), 60_000);
      expect(dropped.ok, `seed ${seed}`).toBe(true);
      expect(dropped.t - t0, `seed ${seed}`).toBeGreaterThanOrEqual(KEEPALIVE_MS);
      expect(dropped.t - t0, `seed ${seed}`).toBeLessThanOrEqual(KEEPALIVE_MS + 500);
      // Meanwhile its requests hang: nothing fails before HAProxy's `timeout server` (20 s) ends the first
      // waits, and the writes it still held fail when the connection closes.
      let x = s;
      let failedBefore20s = 0;
      while (x.t - t0 < 19_000) x = tick(x);
      failedBefore20s = x.traffic.failed - start.failed;
      expect(failedBefore20s, `seed ${seed}`).toBeLessThanOrEqual(2);
      const during = minus(counts(dropped.state), counts(x));
      expect(during.failed, `seed ${seed}`).toBeGreaterThan(0);
      // Afterwards the two members left serve everything.
      const settled = runFor(dropped.state, 1_000);
      const after = minus(counts(runFor(settled, 30_000)), counts(settled));
      expect(after.failed, `seed ${seed}`).toBe(0);
      expect(after.ok, `seed ${seed}`).toBeGreaterThan(1_000);
    }
  });

  it('a member stopped gracefully closes its connections: it leaves the rotation at once', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      let { s, victim, host } = externalCluster(seed);
      s = act(s, { type: 'stop', target: host });
      const start = counts(s);
      s = runFor(s, 200);
      for (const m of Object.keys(s.masters)) expect(etcdClientView(s, m).ready).not.toContain(victim);
      s = runFor(s, 30_000);
      expect(s.traffic.failed - start.failed, `seed ${seed}`).toBeLessThanOrEqual(2);
    }
  });

  it('the stacked topology has one endpoint per apiserver and no rotation', () => {
    const s = booted({ seed: 5 });
    for (const m of Object.keys(s.masters)) expect(etcdClientView(s, m).ready).toEqual([]);
  });
});
