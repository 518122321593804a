// Property-based tests: random clusters × random fault sequences, invariants after every tick.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { createState } from '../../source/sim/create.js';
import { apply, tick, tickDraft } from '../../source/sim/engine.js';
import { applyAction, validateAction } from '../../source/sim/apply-action.js';
import { openOutage } from '../../source/sim/ledger/index.js';
import { thaw, publish, same } from '../../source/sim/publish.js';
import type { State } from '../../source/sim/types.js';
import { arbRun, type RandomRun } from './random-runs.js';
import { checkInvariants, newTracker } from './invariants.js';

export const PROPERTY_RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
const TICKS = Number(process.env.PROPERTY_TICKS ?? 1200);

/** Through the public API: one immutable snapshot per tick. */
function run(r: RandomRun): { state: State; problem: string | null; at: number } {
  let s = createState(r.config);
  const tr = newTracker();
  let fi = 0;
  for (let i = 0; i < r.ticks; i++) {
    while (fi < r.faults.length && r.faults[fi][0] === i) s = apply(s, r.faults[fi++][1]);
    s = tick(s);
    const problem = checkInvariants(s, tr);
    if (problem) return { state: s, problem, at: s.t };
  }
  return { state: s, problem: null, at: s.t };
}

/**
 * The same rules at native speed on a working copy, invariants after every tick; every 100 ticks
 * the working copy is published and the snapshot must be frozen and equal to it.
 */
function runFast(r: RandomRun): { state: State; problem: string | null; at: number } {
  let snap = createState(r.config);
  let w = thaw(snap);
  const tr = newTracker();
  let fi = 0;
  for (let i = 0; i < r.ticks; i++) {
    // As the engine's apply(): the action, then its outage record when it was valid.
    while (fi < r.faults.length && r.faults[fi][0] === i) {
      const a = r.faults[fi++][1];
      const valid = validateAction(w, a) === null;
      applyAction(w, a);
      if (valid) openOutage(w, a);
    }
    tickDraft(w);
    const problem = checkInvariants(w, tr);
    if (problem) return { state: w, problem, at: w.t };
    if (i % 100 === 99 || i === r.ticks - 1) {
      const next = publish(snap, w);
      if (!Object.isFrozen(next) || !Object.isFrozen(next.etcd.members) || !same(next, w)) return { state: w, problem: 'published snapshot is not a frozen copy of the state', at: w.t };
      snap = next;
      w = thaw(snap); // publishing froze the parts it took over
    }
  }
  return { state: snap, problem: null, at: snap.t };
}

describe('safety invariants under random faults', () => {
  it(`hold after every tick for ${PROPERTY_RUNS} random clusters and fault sequences`, () => {
    let runs = 0;
    fc.assert(
      fc.property(arbRun(TICKS), (r) => {
        runs++;
        const out = runFast(r);
        if (out.problem) throw new Error(`${out.problem} at t=${out.at} ms`);
        expect(Object.isFrozen(out.state)).toBe(true);
      }),
      { numRuns: PROPERTY_RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261125) },
    );
    console.log(`properties: ${runs} random runs × ${TICKS} ticks checked`);
    expect(runs).toBe(PROPERTY_RUNS);
  }, 600_000);

  it('the same seed and faults replay identically', () => {
    fc.assert(
      fc.property(arbRun(400), (r) => {
        const a = run({ ...r, ticks: 400 });
        const b = run({ ...r, ticks: 400 });
        expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
      }),
      { numRuns: 20, seed: 7 },
    );
  }, 120_000);

  it('the fast path and the public tick()/apply() API give the same snapshots', () => {
    fc.assert(
      fc.property(arbRun(300), (r) => {
        const a = run({ ...r, ticks: 300 });
        const b = runFast({ ...r, ticks: 300 });
        expect(a.problem).toBeNull();
        expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
      }),
      { numRuns: 20, seed: 11 },
    );
  }, 120_000);
});
