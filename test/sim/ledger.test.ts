// The outage ledger against the event stream for the standard faults, over several seeds, with
// the bands of docs/FIDELITY.md §7 and §10 (etcd election 1-2.5 s, lease takeover ~13-22 s, refused backend DOWN
// after fall × inter).
import { describe, expect, it } from 'vitest';
import { booted, act, runFor } from './helpers.js';
import { SEEDS, firstEvent, inject, leaseHolderHost, recordOf } from './ledger-helpers.js';
import { ledgerOf, LEDGER_MEASURES } from '../../source/sim/ledger/index.js';
import { clusterStatus } from '../../source/sim/etcd/index.js';
import { LATE_MS } from '../../source/sim/ledger/outcomes.js';

const TICK = 100;

describe('outage ledger: standard faults against the event stream', () => {
  it('crash the KCM leader\'s master: KCM leaderless until a new holder acquires the lease (13-22 s), backend wrongly UP until marked DOWN', () => {
    for (const seed of SEEDS) {
      const s0 = booted({ seed });
      const m = leaseHolderHost(s0, 'kube-controller-manager');
      const failed0 = s0.traffic.failed;
      const slow0 = s0.traffic.slow;
      const { state: s, at } = inject(s0, [{ type: 'crash', target: m }], 40_000);
      const r = recordOf(s, `crash ${m}`, at);
      const acquired = firstEvent(s, at, (e) => e.kind === 'lease.acquired' && e.subject === 'kube-controller-manager');
      expect(r.kcmLeaderlessMs).toBe(acquired.t - at);
      expect(r.kcmLeaderlessMs).toBeGreaterThanOrEqual(13_000);
      expect(r.kcmLeaderlessMs).toBeLessThanOrEqual(22_000);
      const down = firstEvent(s, at, (e) => e.kind === 'lb.backend_down' && e.subject === m);
      expect(r.backendsWronglyUpMs).toBe(down.t - at);
      // Every failed request of the run happened while this record was open.
      expect(r.failedRequests).toBe(s.traffic.failed - failed0);
      // With retries + redispatch (the defaults) the requests that met the silent host are late, not failed (docs/FIDELITY.md §10.1).
      expect(r.slowRequests).toBe(s.traffic.slow - slow0);
      expect(r.slowRequests).toBeGreaterThan(0);
      expect(r.apiDegradedMs + r.apiDownMs).toBeGreaterThan(0);
      // Green again once the last window closed, and not before.
      expect(r.greenAfterMs).not.toBeNull();
      for (const k of ['kcmLeaderlessMs', 'schedulerLeaderlessMs', 'backendsWronglyUpMs', 'etcdLeaderlessMs', 'apiDegradedMs'] as const) {
        expect(r.greenAfterMs!).toBeGreaterThanOrEqual(r[k]);
      }
      // Clients see a silent server only once their requests are late (LATE_MS after they were
      // sent, waiting on the connect; the first tick after that): the bad stretch starts that late.
      expect(r.greenAfterMs!).toBeLessThanOrEqual(Math.max(r.kcmLeaderlessMs, r.schedulerLeaderlessMs, r.backendsWronglyUpMs, r.apiDegradedMs + r.apiDownMs + LATE_MS + TICK, r.etcdLeaderlessMs) + TICK);
    }
  });

  it('crash the etcd leader\'s master: etcd leaderless 1000-2500 ms, as long as the events say; writes unavailable about as long', () => {
    for (const seed of [...SEEDS, 7, 8]) {
      const s0 = booted({ seed });
      const leader = clusterStatus(s0).leader!;
      const { state: s, at } = inject(s0, [{ type: 'crash', target: leader }], 30_000);
      const r = recordOf(s, `crash ${leader}`, at);
      const elected = firstEvent(s, at, (e) => e.kind === 'etcd.leader_elected');
      // To the millisecond: the election ends at a sub-tick time, the ledger keeps whole milliseconds.
      expect(r.etcdLeaderlessMs).toBe(Math.round(elected.t - at));
      expect(r.etcdLeaderlessMs).toBeGreaterThanOrEqual(900);
      expect(r.etcdLeaderlessMs).toBeLessThanOrEqual(2500);
      expect(r.writesUnavailableMs).toBeGreaterThanOrEqual(r.etcdLeaderlessMs);
      expect(r.writesUnavailableMs).toBeLessThanOrEqual(r.etcdLeaderlessMs + 500);
    }
  });

  it('kill an apiserver (readyz check, retries + redispatch): no failed request but those it held; its backend is wrongly UP until the LB marks it DOWN (fall × inter)', () => {
    for (const seed of SEEDS) {
      const s0 = booted({ seed });
      // Only the requests the killed process was holding (a write waiting a tick for its commit) fail: a RST.
      const held = s0.masters['master-2'].apiserver.pending.reduce((n, b) => n + b.count, 0);
      const { state: s, at } = inject(s0, [{ type: 'kill', target: 'master-2', component: 'apiserver' }], 20_000);
      const r = recordOf(s, 'kill apiserver on master-2', at);
      expect(r.failedRequests).toBe(s.traffic.failed - s0.traffic.failed);
      expect(r.failedRequests).toBeLessThanOrEqual(held);
      expect(r.apiDownMs).toBe(0);
      const down = firstEvent(s, at, (e) => e.kind === 'lb.backend_down' && e.subject === 'master-2');
      expect(r.backendsWronglyUpMs).toBe(down.t - at);
      // A refused server: fall 3 × inter 2 s, the first failing check within one interval.
      expect(r.backendsWronglyUpMs).toBeGreaterThanOrEqual(3_900);
      expect(r.backendsWronglyUpMs).toBeLessThanOrEqual(6_100);
    }
  });

  it('kill an apiserver without redispatch: the refused requests are counted as failed, the API degraded', () => {
    const s0 = booted({ seed: 3, knobs: { redispatch: false } });
    const { state: s, at } = inject(s0, [{ type: 'kill', target: 'master-2', component: 'apiserver' }], 20_000);
    const r = recordOf(s, 'kill apiserver on master-2', at);
    expect(r.failedRequests).toBe(s.traffic.failed - s0.traffic.failed);
    expect(r.failedRequests).toBeGreaterThan(0);
    expect(r.apiDegradedMs).toBeGreaterThanOrEqual(r.backendsWronglyUpMs - 1000);
  });

  it('partition a master: its backend wrongly UP until DOWN; leases it held are leaderless until another master acquires them', () => {
    for (const seed of SEEDS) {
      const s0 = booted({ seed });
      const m = leaseHolderHost(s0, 'kube-controller-manager');
      const { state: s, at } = inject(s0, [{ type: 'partition', target: m }], 40_000);
      const r = recordOf(s, `partition ${m}`, at);
      const down = firstEvent(s, at, (e) => e.kind === 'lb.backend_down' && e.subject === m);
      expect(r.backendsWronglyUpMs).toBe(down.t - at);
      // The old leader cannot act once its apiserver loses etcd (or it exits); leaderless until the takeover.
      const acquired = firstEvent(s, at, (e) => e.kind === 'lease.acquired' && e.subject === 'kube-controller-manager');
      const unable = firstEvent(s, at, (e) => (e.kind === 'apiserver.unavailable' && e.subject === m) || (e.kind === 'lease.lost' && e.subject === 'kube-controller-manager'));
      expect(r.kcmLeaderlessMs).toBe(acquired.t - unable.t);
      expect(r.greenAfterMs).not.toBeNull();
      expect(r.greenAfterMs!).toBeGreaterThanOrEqual(acquired.t - at);
    }
  });

  it('lose quorum (crash 2 of 3 stacked masters): open records, API down, etcd leaderless since quorum was lost; closed once a recovery brings everything back', () => {
    for (const seed of [1, 2, 3]) {
      const s0 = booted({ seed });
      const { state: s1, at } = inject(s0, [{ type: 'crash', target: 'master-1' }, { type: 'crash', target: 'master-2' }], 30_000);
      const r1 = recordOf(s1, 'crash master-1', at);
      const r2 = recordOf(s1, 'crash master-2', at);
      expect(r1.greenAfterMs).toBeNull();
      // Both are open while everything is charged to both (overlap: charged to every open record).
      expect(r2).toEqual({ ...r1, fault: 'crash master-2' });
      const lost = firstEvent(s1, at, (e) => e.kind === 'etcd.quorum_lost');
      // Open records are measured up to the next tick (the state a tick leaves holds until then);
      // a quorum lost at the first tick was lost when the masters crashed.
      expect(r1.etcdLeaderlessMs).toBe(s1.t + TICK - (lost.t - at <= TICK ? at : lost.t));
      expect(r1.writesUnavailableMs).toBeGreaterThanOrEqual(r1.etcdLeaderlessMs);
      expect(r1.apiDownMs).toBeGreaterThan(20_000);
      expect(r1.failedRequests).toBe(s1.traffic.failed - s0.traffic.failed);
      let s = act(s1, { type: 'recover', target: 'master-1' });
      s = runFor(s, 60_000);
      const done = recordOf(s, 'crash master-1', at);
      const restored = firstEvent(s, at, (e) => e.kind === 'etcd.quorum_restored');
      expect(done.greenAfterMs).not.toBeNull();
      expect(at + done.greenAfterMs!).toBeGreaterThanOrEqual(restored.t);
      // A recovery opens no record of its own.
      expect(ledgerOf(s).map((x) => x.fault)).toEqual(['crash master-1', 'crash master-2']);
    }
  });
});

describe('outage ledger: attribution and bookkeeping', () => {
  it('a window is charged to every record open when it happens; overlapping records close at the same green moment', () => {
    const s0 = booted({ seed: 4 });
    const m = leaseHolderHost(s0, 'kube-controller-manager');
    const other = ['master-1', 'master-2', 'master-3'].find((x) => x !== m)!;
    let s = act(s0, { type: 'crash', target: m });
    const at1 = s.t;
    s = runFor(s, 5_000);
    s = act(s, { type: 'kill', target: other, component: 'apiserver' });
    const at2 = s.t;
    s = runFor(s, 40_000);
    const r1 = recordOf(s, `crash ${m}`, at1);
    const r2 = recordOf(s, `kill apiserver on ${other}`, at2);
    expect(r1.greenAfterMs).not.toBeNull();
    expect(at1 + r1.greenAfterMs!).toBe(at2 + r2.greenAfterMs!);
    // The KCM stays leaderless after the second fault: charged to both, the first from its own start.
    expect(r2.kcmLeaderlessMs).toBeGreaterThan(0);
    expect(r1.kcmLeaderlessMs - r2.kcmLeaderlessMs).toBe(at2 - at1);
    for (const k of LEDGER_MEASURES) {
      if (k === 'greenAfterMs' || k === 'failedRequests' || k === 'slowRequests') continue;
      expect(r1[k]!).toBeGreaterThanOrEqual(r2[k]!);
    }
  });

  it('heals, recoveries and rejected actions open no record; an action with no effect closes green after one verdict window', () => {
    let s = booted({ seed: 5 });
    s = act(s, { type: 'heal-all' });
    s = act(s, { type: 'recover', target: 'master-1' });
    s = act(s, { type: 'crash', target: 'no-such-node' });
    s = act(s, { type: 'set-lb-algorithm', algorithm: 'leastconn' });
    const at = s.t;
    s = runFor(s, 5_000);
    const all = ledgerOf(s);
    expect(all.map((r) => r.fault)).toEqual(['set-lb-algorithm leastconn']);
    expect(all[0]).toMatchObject({ at, greenAfterMs: 0, apiDegradedMs: 0, failedRequests: 0, kcmLeaderlessMs: 0 });
    expect(s.ledger.closedSeq).toBe(1);
  });

  it('same seed and actions give the same ledger, record for record', () => {
    const run = () => inject(booted({ seed: 9 }), [{ type: 'crash', target: 'master-2' }], 30_000).state;
    expect(ledgerOf(run())).toEqual(ledgerOf(run()));
  });
});
