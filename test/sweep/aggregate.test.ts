// Distributions per grid point: nearest-rank quantiles (a value some run had), over the runs done.
import { describe, expect, it } from 'vitest';
import { distribution, newPointRuns, quantile, summarise, FLAG_FAILURE, FLAG_NOT_GREEN } from '../../source/sweep/aggregate.js';
import { MEASURES } from '../../source/sweep/measures.js';

describe('quantiles', () => {
  it('are nearest-rank', () => {
    const a = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(quantile(a, 0.5)).toBe(50);
    expect(quantile(a, 0.9)).toBe(90);
    expect(quantile(a, 0.99)).toBe(99);
    expect(distribution([7])).toEqual({ min: 7, p50: 7, p90: 7, p99: 7, max: 7 });
    expect(distribution([1, 2, 3])).toEqual({ min: 1, p50: 2, p90: 3, p99: 3, max: 3 });
  });
});

describe('summarise', () => {
  it('sorts each measure over the runs done only, and counts the flags', () => {
    const p = newPointRuns(5);
    const M = MEASURES.length;
    const k = MEASURES.indexOf('kcmLeaderlessMs');
    [300, 100, 500, 200, 999].forEach((v, i) => (p.values[i * M + k] = v));
    p.flags.set([FLAG_FAILURE, 0, FLAG_FAILURE | FLAG_NOT_GREEN, 0, FLAG_FAILURE]);
    p.done.set([1, 1, 1, 1, 0]);
    const s = summarise(p)!;
    expect(s.runs).toBe(4);
    expect(s.measures.kcmLeaderlessMs).toEqual({ min: 100, p50: 200, p90: 500, p99: 500, max: 500 });
    expect(s.anyFailure).toBe(0.5);
    expect(s.notGreen).toBe(0.25);
    expect(summarise(newPointRuns(3))).toBeNull();
  });
});
