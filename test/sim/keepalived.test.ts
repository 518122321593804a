// keepalived (docs/FIDELITY.md §5.2, §10.4): a failure moves the VIP once, the preferred LB's return once more
// (after preempt_delay), then the pair stays quiet; each master adverts on its own phase.
import { describe, expect, it } from 'vitest';
import { act, booted, runFor, runUntil } from './helpers.js';
import { vrrpMasterDownMs } from '../../source/sim/config.js';
import { configOf } from '../../source/scenario/load.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => 100 + i);

describe('keepalived', () => {
  it('moves the VIP once on failure and once on preemption, then never again (20 seeds)', () => {
    const failover: number[] = [];
    for (const seed of SEEDS) {
      let s = booted({ seed, lbPair: true });
      expect(s.lb.vipHolder).toBe('lb-1');
      const moves0 = s.lb.vipMoves;
      s = act(s, { type: 'crash', target: 'lb-1' });
      const t0 = s.t;
      const moved = runUntil(s, (x) => x.lb.vipHolder === 'lb-2', 10_000);
      expect(moved.ok).toBe(true);
      failover.push(moved.t - t0);
      s = runFor(moved.state, 20_000);
      expect(s.lb.vipMoves - moves0).toBe(1);
      s = act(s, { type: 'recover', target: 'lb-1' });
      const back = runUntil(s, (x) => x.lb.vipHolder === 'lb-1', 5_000);
      expect(back.ok).toBe(true);
      // The recovered LB hears the backup's next advert (within advert_int) and preempts.
      expect(back.t - s.t).toBeLessThanOrEqual(1_100);
      const quiet = runFor(back.state, 120_000);
      expect(quiet.lb.vipHolder).toBe('lb-1');
      expect(quiet.lb.vipMoves - moves0).toBe(2);
      expect(quiet.lb.vrrp['lb-2'].state).toBe('BACKUP');
    }
    // The backup's master-down timer counts from the last advert it heard, so the failover takes
    // between Master_Down_Interval − advert_int and Master_Down_Interval (+ one tick), and varies.
    const down = vrrpMasterDownMs();
    for (const ms of failover) {
      expect(ms).toBeGreaterThan(down - 1_000);
      expect(ms).toBeLessThanOrEqual(down + 100);
    }
    expect(new Set(failover).size).toBeGreaterThanOrEqual(4);
  });

  it('preempt_delay is a scenario knob too', () => {
    const c = configOf({ title: 't', setup: { lbPair: true, knobs: { preemptDelay: '30s' } }, steps: [{ at: '1s' }] });
    expect(c.knobs.preemptDelayMs).toBe(30_000);
  });

  it('preempt_delay postpones the move back by that long', () => {
    let s = booted({ seed: 7, lbPair: true, knobs: { preemptDelayMs: 30_000 } });
    s = act(s, { type: 'crash', target: 'lb-1' });
    s = runUntil(s, (x) => x.lb.vipHolder === 'lb-2', 10_000).state;
    s = act(s, { type: 'recover', target: 'lb-1' });
    const t0 = s.t;
    const back = runUntil(s, (x) => x.lb.vipHolder === 'lb-1', 60_000);
    expect(back.ok).toBe(true);
    expect(back.t - t0).toBeGreaterThanOrEqual(30_000);
    expect(back.t - t0).toBeLessThanOrEqual(31_100);
    expect(runFor(back.state, 60_000).lb.vipMoves).toBe(back.state.lb.vipMoves);
  });

  it('a partition between the LBs gives two masters; after it heals the higher priority keeps the VIP and all is quiet', () => {
    let s = booted({ seed: 3, lbPair: true });
    s = act(s, { type: 'partition', target: 'lb-2' });
    s = runFor(s, 10_000);
    expect(s.lb.vrrp['lb-2'].state).toBe('MASTER');
    expect(s.lb.vrrp['lb-1'].state).toBe('MASTER');
    s = act(s, { type: 'heal-node', target: 'lb-2' });
    s = runFor(s, 3_000);
    expect(s.lb.vipHolder).toBe('lb-1');
    expect(s.lb.vrrp['lb-2'].state).toBe('BACKUP');
    const moves = s.lb.vipMoves;
    s = runFor(s, 60_000);
    expect(s.lb.vipMoves).toBe(moves);
    expect(s.lb.vipHolder).toBe('lb-1');
  });

  it('when both LBs were down, the first one back takes the VIP after its master-down timer', () => {
    let s = booted({ seed: 5, lbPair: true });
    s = act(s, { type: 'crash', target: 'lb-1' });
    s = act(s, { type: 'crash', target: 'lb-2' });
    s = runFor(s, 5_000);
    s = act(s, { type: 'recover', target: 'lb-2' });
    const t0 = s.t;
    const got = runUntil(s, (x) => x.lb.vipHolder === 'lb-2', 10_000);
    expect(got.ok).toBe(true);
    expect(got.t - t0).toBeGreaterThanOrEqual(vrrpMasterDownMs() - 100);
  });
});
