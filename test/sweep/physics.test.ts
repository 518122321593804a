// Physics on the aggregate, over many seeds: the KCM is leaderless about one lease duration after
// its master crashes (docs/FIDELITY.md §7.1: 13-22 s with the defaults), so the median rises with the lease;
// with kubeadm's TLS-only LB check a stopped etcd member leaves its apiserver in rotation and
// clients see many more failures than with /readyz checks.
import { describe, expect, it, vi } from 'vitest';
import { runTask } from '../../source/sweep/run-task.js';
import { newPointRuns, summarise, type PointSummary } from '../../source/sweep/aggregate.js';
import { pointConfig } from '../../source/cli/sweep-grid.js';
import { scenarioPlan } from '../../source/cli/sweep-plan.js';
import type { RawFlags } from '../../source/cli/flags.js';

const SEEDS = 40;
// Hundreds of simulated minutes per test: no failure if a busy machine makes that slow.
vi.setConfig({ testTimeout: 240_000 });

/** The summary of one grid point over seeds 1..SEEDS, run in this thread. */
function point(scenario: string, flags: RawFlags, durationMs: number | null = null): PointSummary {
  const plan = scenarioPlan(scenario, durationMs);
  const config = pointConfig(plan.scenario.config, {}, flags);
  const r = runTask({ plan, configs: [config] }, { id: 0, point: 0, first: 0, seed: 1, count: SEEDS });
  const runs = newPointRuns(SEEDS);
  runs.values.set(r.values);
  runs.flags.set(r.flags);
  runs.done.fill(1);
  return summarise(runs)!;
}

describe('sweep physics', () => {
  it('KCM leaderless p50 rises with the lease duration, by about the difference', () => {
    const p15 = point('crash-kcm-leader', { leaseDuration: '15s' }, 120_000).measures.kcmLeaderlessMs;
    const p30 = point('crash-kcm-leader', { leaseDuration: '30s' }, 120_000).measures.kcmLeaderlessMs;
    const p60 = point('crash-kcm-leader', { leaseDuration: '60s' }, 120_000).measures.kcmLeaderlessMs;
    expect(p15.p50).toBeGreaterThanOrEqual(13_000);
    expect(p15.p50).toBeLessThanOrEqual(22_000);
    expect(p15.max).toBeLessThanOrEqual(22_500);
    expect(p30.p50 - p15.p50).toBeGreaterThanOrEqual(12_000);
    expect(p30.p50 - p15.p50).toBeLessThanOrEqual(18_000);
    expect(p60.p50 - p30.p50).toBeGreaterThanOrEqual(27_000);
    expect(p60.p50 - p30.p50).toBeLessThanOrEqual(33_000);
    // Spread comes from the retry jitter and when the standbys last looked: not one fixed delay.
    expect(p15.p90 - p15.min).toBeGreaterThanOrEqual(1_000);
  });

  it('etcd re-elects within one to two election timeouts; in external topology no apiserver dies with the leader', () => {
    for (const topology of ['stacked', 'external']) {
      const p = point('crash-etcd-leader', { topology, etcd: '5' });
      const e = p.measures.etcdLeaderlessMs;
      expect(e.p50, topology).toBeGreaterThanOrEqual(900);
      expect(e.p50, topology).toBeLessThanOrEqual(2000);
      expect(e.p99, topology).toBeLessThanOrEqual(2700);
      const wronglyUp = p.measures.backendsWronglyUpMs;
      if (topology === 'external') expect(wronglyUp.max).toBe(0);
      else expect(wronglyUp.p50).toBeGreaterThan(3000);
    }
  });

  it('--lb-check tls: a stopped etcd member makes many more requests fail than readyz checks', () => {
    const readyz = point('stop-etcd-member', { lbCheck: 'readyz' });
    const tls = point('stop-etcd-member', { lbCheck: 'tls' });
    expect(tls.anyFailure).toBeGreaterThanOrEqual(0.9);
    expect(tls.measures.failedRequests.p50).toBeGreaterThan(3 * readyz.measures.failedRequests.p50);
    expect(tls.measures.apiDegradedMs.p50).toBeGreaterThan(readyz.measures.apiDegradedMs.p50 + 15_000);
    // readyz takes the broken apiserver out after the checks fail: clients are fine well before the end.
    expect(readyz.measures.apiDegradedMs.p99).toBeLessThan(20_000);
  });
});
