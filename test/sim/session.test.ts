// Time travel: a bounded history of snapshots; rewinding shows the past; acting there forks.
import { describe, expect, it } from 'vitest';
import { createSession, dispatch, stepTicks, HISTORY_LIMIT, isRewound } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { leaseView } from '../../source/sim/views.js';

const boot = () => stepTicks(createSession(createState(defaultConfig({ seed: 21 })), { paused: true }), 100);

describe('session history', () => {
  it('step back 30 s: the state shown is the older one (before the crash, the old lease holder)', () => {
    let s = boot();
    const holder = leaseView(s.live, 'kube-controller-manager').holderHost!;
    s = dispatch(s, { type: 'crash', target: holder });
    s = stepTicks(s, 300); // 30 s: the lease has moved
    const now = leaseView(s.state, 'kube-controller-manager').holderHost;
    expect(now).not.toBe(holder);
    // 31 s back: the snapshot just before the crash (the crash itself was 30 s ago).
    s = dispatch(s, { type: 'rewind', ms: 31_000 });
    expect(isRewound(s)).toBe(true);
    expect(s.live.t - s.state.t).toBeGreaterThanOrEqual(30_000);
    expect(s.state.nodes[holder].state).toBe('up');
    expect(leaseView(s.state, 'kube-controller-manager').holderHost).toBe(holder);
    // Forward again reaches the live edge.
    s = dispatch(s, { type: 'forward', ms: 60_000 });
    expect(isRewound(s)).toBe(false);
    expect(s.state).toBe(s.live);
  });

  it('acting from the past forks: the future is dropped and differs after a different action', () => {
    let s = boot();
    s = stepTicks(s, 100);
    const liveT = s.live.t;
    s = dispatch(s, { type: 'crash', target: 'master-2' });
    s = stepTicks(s, 200);
    const future = s.live;
    s = dispatch(s, { type: 'rewind', ms: 25_000 });
    const forkT = s.state.t;
    expect(forkT).toBeLessThan(liveT + 100);
    s = dispatch(s, { type: 'crash', target: 'master-3' });
    expect(s.forkedAt).toBe(forkT);
    expect(isRewound(s)).toBe(false);
    expect(s.history.every((h) => h.t <= s.live.t)).toBe(true);
    s = stepTicks(s, 200);
    expect(s.live.nodes['master-3'].state).toBe('crashed');
    expect(s.live.nodes['master-2'].state).toBe('up');
    expect(future.nodes['master-2'].state).toBe('crashed');
  });

  it('history is bounded and keeps one snapshot per simulated second', () => {
    let s = createSession(createState(defaultConfig({ seed: 2, rps: 0, workers: 0, replicas: 0 })), { paused: true });
    // 4,000 simulated seconds: more snapshots than the bound holds.
    const seconds = HISTORY_LIMIT + 400;
    for (let i = 0; i < seconds / 100; i++) s = stepTicks(s, 1000);
    expect(s.live.t).toBe(seconds * 1000);
    expect(s.history.length).toBe(HISTORY_LIMIT);
    // The oldest snapshots were dropped: what is kept is the last HISTORY_LIMIT seconds, newest last.
    expect(s.history.at(-1)).toBe(s.live);
    expect(s.history[0].t).toBe((seconds - HISTORY_LIMIT + 1) * 1000);
    const gaps = s.history.slice(1).map((h, i) => h.t - s.history[i].t);
    expect(Math.max(...gaps)).toBe(1000);
    expect(Math.min(...gaps)).toBe(1000);
  });

  it('snapshots in history share unchanged parts (structural sharing)', () => {
    let s = boot();
    s = stepTicks(s, 50);
    const [a, b] = s.history.slice(-2);
    expect(a).not.toBe(b);
    expect(a.config).toBe(b.config);
    expect(a.workloads.pods).toBe(b.workloads.pods);
  });
});
