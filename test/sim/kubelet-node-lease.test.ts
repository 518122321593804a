// The node lifecycle reads each worker kubelet's own connection: a kubelet stranded on a crashed
// master (client-go's HTTP/2 health check takes ≈ 45 s to give up) misses its node-lease renewals
// although the API works through the other backends; with a short grace period its node goes
// NotReady, and Ready again once the kubelet has re-dialled.
import { describe, expect, it } from 'vitest';
import { act, booted, runFor } from './helpers.js';
import { leaseHolderHost } from './ledger-helpers.js';

describe('node leases follow the kubelet connections', () => {
  it('a worker stranded on a crashed master goes NotReady (grace 30 s) while the others stay Ready, then recovers', () => {
    let tested = 0;
    for (const seed of [51, 52, 53, 54, 55, 56]) {
      let s = booted({ seed, workers: 3, knobs: { nodeMonitorGracePeriodMs: 30_000 } });
      const workers = Object.keys(s.clients.kubelets);
      const victim = s.clients.kubelets[workers[0]].server!;
      const stranded = workers.filter((w) => s.clients.kubelets[w].server === victim);
      const others = workers.filter((w) => s.clients.kubelets[w].server !== victim);
      // The crashed master's own node goes NotReady too; the point is the workers. A crashed KCM
      // leader would hand every node a fresh grace period from its successor: not this test.
      if (others.length === 0 || leaseHolderHost(s, 'kube-controller-manager') === victim) continue;
      tested++;
      const seq = s.eventSeq;
      s = act(s, { type: 'crash', target: victim });
      s = runFor(s, 44_000);
      const notReady = (w: string) => s.events.some((e) => e.seq > seq && e.kind === 'node.not_ready' && e.subject === w);
      for (const w of stranded) expect(notReady(w), `seed ${seed} ${w}`).toBe(true);
      for (const w of others) expect(notReady(w), `seed ${seed} ${w}`).toBe(false);
      // The API kept working through the other masters all along.
      expect(s.verdict.api).not.toBe('DOWN');
      s = runFor(s, 30_000);
      for (const w of stranded) expect(s.workloads.notReadySince[w], `seed ${seed} ${w}`).toBeUndefined();
    }
    expect(tested).toBeGreaterThanOrEqual(2);
  });
});
