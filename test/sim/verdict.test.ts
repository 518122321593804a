// The verdict: what clients experience, judged from their requests' outcomes — checked against
// an independent count of the traffic counters, over many seeds and faults.
import { describe, expect, it } from 'vitest';
import type { State } from '../../source/sim/types.js';
import type { SimAction } from '../../source/sim/actions.js';
import { advance } from '../../source/sim/engine.js';
import { booted, cluster, act, runFor } from './helpers.js';
import { judgeVerdict, type VerdictInput } from '../../source/sim/verdict.js';
import { etcdWords, shareWords, verdictText } from '../../source/sim/verdict-words.js';

/** Runs tick by tick, calling `each` with the state and the failed share of the requests completed over the last 3 s (counted here, from the traffic counters). */
function watch(s: State, ms: number, each: (s: State, failedShare: number, completed: number, full: boolean) => void): State {
  const win: { ok: number; failed: number }[] = [];
  for (let i = 0; i < ms / s.config.tickMs; i++) {
    const before = s.traffic;
    s = advance(s, 1);
    win.push({ ok: s.traffic.ok - before.ok, failed: s.traffic.failed - before.failed });
    if (win.length > 30) win.shift();
    const ok = win.reduce((a, w) => a + w.ok, 0);
    const failed = win.reduce((a, w) => a + w.failed, 0);
    each(s, ok + failed ? failed / (ok + failed) : 0, ok + failed, win.length === 30);
  }
  return s;
}

describe('verdict from client outcomes', () => {
  it('says STARTING while etcd elects its first leader, then OK; never "LOST"', () => {
    let s = cluster({ seed: 11 });
    expect(s.verdict).toEqual({ api: 'STARTING', detail: 'etcd electing' });
    s = advance(s, 1);
    expect(verdictText(s.verdict)).toBe('STARTING · etcd electing');
    expect(etcdWords(s).text).toBe('etcd: no leader — 3/3 members up, electing');
    const seen = new Set<string>();
    s = watch(s, 10_000, (x) => {
      seen.add(x.verdict.api);
      expect(verdictText(x.verdict) + etcdWords(x).text).not.toMatch(/LOST/);
    });
    expect([...seen]).toEqual(['STARTING', 'OK']);
    expect(s.verdict.detail).toMatch(/^all requests served \(50\/s\)$/);
  });

  it('after crashing a master with --retries 0 the verdict is DEGRADED: a share waiting on the connect, then failing', () => {
    for (const seed of [1, 2, 3]) {
      let s = booted({ seed, knobs: { retries: 0 } });
      expect(s.verdict.api).toBe('OK');
      s = act(s, { type: 'crash', target: 'master-2' });
      // A powered-off host does not answer: the requests sent to it wait the 5 s connect timeout
      // at the LB (docs/FIDELITY.md §10.1), so for the first seconds they are late, not yet failed.
      s = runFor(s, 2_000);
      expect(s.verdict.api).toBe('DEGRADED');
      // (When master-2 led etcd, writes elsewhere also answer late by the election: either words are true.)
      expect(verdictText(s.verdict)).toMatch(/^API DEGRADED · (1 in \d+|\d+% of) requests (waiting, up to [\d.]+ s|[\d.]+ s late)$/);
      const failed = s.traffic.failed;
      s = runFor(s, 5_000);
      expect(s.verdict.api).toBe('DEGRADED');
      expect(s.traffic.failed).toBeGreaterThan(failed);
    }
  });

  it('nothing says OK while more than 5% of the last 3 s of requests failed (many seeds and faults)', () => {
    const faults: SimAction[][] = [
      [{ type: 'crash', target: 'master-1' }],
      [{ type: 'partition', target: 'master-2' }],
      [{ type: 'kill', target: 'master-3', component: 'apiserver' }],
      [{ type: 'crash', target: 'master-1' }, { type: 'crash', target: 'master-2' }],
      [{ type: 'crash', target: 'lb-1' }],
      [{ type: 'cut', from: 'lb-1', to: 'master-1', both: true }],
    ];
    let judged = 0;
    let failing = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      for (const [i, f] of faults.entries()) {
        let s = booted({ seed, knobs: { redispatch: seed % 2 === 0, lbCheck: i % 2 ? 'tls' : 'readyz' } });
        for (const a of f) s = act(s, a);
        watch(s, 15_000, (x, share, completed, full) => {
          judged++;
          if (share > 0.05) {
            failing++;
            expect(x.verdict.api, `seed ${seed} fault ${i} t ${x.t}: ${verdictText(x.verdict)}`).not.toBe('OK');
          }
          if (share === 1 && completed > 20 && full) expect(x.verdict.api, `seed ${seed} fault ${i} t ${x.t}: ${verdictText(x.verdict)} ${x.ledger.lastSuccessAt}`).toBe('DOWN');
        });
      }
    }
    expect(failing).toBeGreaterThan(judged / 10);
  });

  it('quorum lost: DOWN within about a second of the last success, saying no request succeeds', () => {
    let s = booted({ seed: 2 });
    s = act(s, { type: 'crash', target: 'master-1' });
    s = act(s, { type: 'crash', target: 'master-3' });
    let downAt: number | null = null;
    let lastSuccessAt: number | null = null;
    let degradedBefore = false;
    const t0 = s.t;
    s = watch(s, 12_000, (x) => {
      if (downAt !== null) return;
      if (x.verdict.api === 'DOWN') { downAt = x.t; lastSuccessAt = x.ledger.lastSuccessAt; }
      else if (x.verdict.api === 'DEGRADED') degradedBefore = true;
    });
    // The survivor's watch cache answers cached reads (docs/FIDELITY.md §10.2) until the LB's /readyz checks
    // mark it DOWN (fall × inter): DEGRADED until then, DOWN about a second after the last success.
    expect(degradedBefore).toBe(true);
    expect(downAt).not.toBeNull();
    expect(lastSuccessAt).not.toBeNull();
    expect(downAt! - lastSuccessAt!).toBeLessThanOrEqual(1_100);
    expect(downAt! - t0).toBeLessThanOrEqual(10_000);
    expect(verdictText(s.verdict)).toMatch(/^API DOWN · no request succeeds \(none for \d+ s\)/);
    expect(etcdWords(s)).toEqual({ text: 'etcd: no quorum — 1 of 3 up, 2 needed', tone: 'bad' });
  });

  it('the LB down: DOWN, and the words say why', () => {
    let s = booted({ seed: 3 });
    s = act(s, { type: 'crash', target: 'lb-1' });
    s = runFor(s, 2_000);
    expect(verdictText(s.verdict)).toBe('API DOWN · no request succeeds (none for 2 s) — the load balancer lb-1 is down');
  });

  it('with no client traffic (--rps 0) it judges by whether a write would succeed', () => {
    let s = booted({ seed: 4, rps: 0 });
    expect(s.verdict).toEqual({ api: 'OK', detail: 'no client requests; a write would succeed' });
    s = act(s, { type: 'crash', target: 'master-1' });
    s = act(s, { type: 'crash', target: 'master-2' });
    s = runFor(s, 3_000);
    expect(s.verdict.api).toBe('DOWN');
  });

  it('a partitioned follower: etcd says how many the leader reaches, not that quorum is lost', () => {
    let s = booted({ seed: 5 });
    const leader = s.etcd.leader!;
    const follower = s.etcd.order.find((id) => id !== leader)!;
    s = act(s, { type: 'partition', target: follower });
    s = runFor(s, 3_000);
    expect(etcdWords(s)).toEqual({ text: `etcd leader ${leader} · 2 of 3 reachable from the leader's side`, tone: 'warn' });
  });
});

describe('verdict rules over plain outcomes (classes the traffic model may add)', () => {
  const base: VerdictInput = {
    t: 60_000, rps: 50, windowMs: 3000,
    window: { ok: 100, failed: 0, slow: 0, slowMs: 0, writesOk: 10, writesFailed: 0, cachedOk: 60, cachedFailed: 0 },
    waiting: { late: 0, lateWrites: 0, oldestMs: 0, onEtcd: false },
    lastSuccessAt: 60_000, starting: false, why: null, startingWhat: '', writable: true,
  };
  const judge = (p: Partial<VerdictInput> & { w?: Partial<VerdictInput['window']> }) =>
    verdictText(judgeVerdict({ ...base, ...p, window: { ...base.window, ...(p.w ?? {}) } }));

  it('words for failing, late, waiting and write-only failures', () => {
    expect(judge({})).toBe('API OK · all requests served (33/s)');
    expect(judge({ w: { ok: 70, failed: 30 } })).toBe('API DEGRADED · 30% of requests fail via the LB');
    expect(judge({ w: { ok: 100, slow: 50, slowMs: 250_000 } })).toBe('API DEGRADED · 1 in 3 requests 5 s late');
    expect(judge({ waiting: { late: 25, lateWrites: 5, oldestMs: 2400, onEtcd: true } })).toBe('API DEGRADED · 1 in 5 requests waiting on etcd, up to 2.4 s');
    expect(judge({ w: { ok: 90, writesOk: 0, writesFailed: 10, failed: 10 } })).toBe('API DEGRADED · writes failing, cached reads served');
    // A cached read failing too (a dead server, not etcd) is not "writes only".
    expect(judge({ w: { ok: 90, writesOk: 0, writesFailed: 10, failed: 12, cachedFailed: 2 } })).toBe('API DEGRADED · 1 in 9 requests fail via the LB');
    expect(judge({ w: { ok: 0, failed: 40 }, lastSuccessAt: 57_000 })).toBe('API DOWN · no request succeeds (none for 3 s)');
    expect(judge({ w: { ok: 0, failed: 40 }, lastSuccessAt: 59_500 })).toBe('API DEGRADED · all requests fail via the LB');
    expect(judge({ starting: true, startingWhat: 'etcd electing' })).toBe('STARTING · etcd electing');
  });

  it('shares in words', () => {
    expect(shareWords(1, 3)).toBe('1 in 3');
    expect(shareWords(1, 2)).toBe('1 in 2');
    expect(shareWords(3, 10)).toBe('30%');
    expect(shareWords(1, 1000)).toBe('1%');
    expect(shareWords(5, 5)).toBe('all');
  });
});

describe('verdict words in real runs', () => {
  it('a crashed master behind retries + redispatch: "1 in 3 requests 5 s late" once the late answers arrive', () => {
    for (const seed of [1, 2, 3]) {
      let s = booted({ seed });
      s = act(s, { type: 'crash', target: 'master-2' });
      s = runFor(s, 8_000);
      expect(verdictText(s.verdict), `seed ${seed}`).toMatch(/^API DEGRADED · (1 in 3|3\d% of) requests 5(\.\d)? s late$/);
    }
  });

  it('etcd without quorum behind TLS checks (backends stay UP): "writes failing, cached reads served"', () => {
    for (const seed of [2, 3]) {
      let s = booted({ seed, knobs: { lbCheck: 'tls' } });
      s = act(s, { type: 'stop', target: 'master-1', component: 'etcd' });
      s = act(s, { type: 'stop', target: 'master-2', component: 'etcd' });
      s = runFor(s, 10_000);
      expect(verdictText(s.verdict), `seed ${seed}`).toBe('API DEGRADED · writes failing, cached reads served');
    }
  });
});

describe('an OK verdict names the kubelets it does not count', () => {
  it.each([51, 52, 53])('seed %i: while a kubelet hangs on a crashed master the OK detail says so, then stops saying it', (seed) => {
    let s = runFor(booted({ seed, workers: 3 }), 15_000);
    expect(s.verdict.detail).not.toMatch(/stuck/);
    const victim = s.clients.kubelets['worker-1'].server!;
    s = act(s, { type: 'crash', target: victim });
    let okWhileStuck = 0;
    for (let i = 0; i < 60; i++) {
      s = runFor(s, 1000);
      const stuck = Object.values(s.clients.kubelets).filter((k) => k.stuckSince !== null).length;
      if (s.verdict.api === 'OK' && stuck > 0) {
        okWhileStuck++;
        expect(s.verdict.detail).toMatch(new RegExp(`${stuck} kubelets? stuck \\d+ s on a dead connection`));
      }
      if (stuck === 0) expect(s.verdict.detail).not.toMatch(/stuck/);
    }
    expect(okWhileStuck).toBeGreaterThan(0);
    expect(s.verdict.detail).not.toMatch(/stuck/);
  });
});
