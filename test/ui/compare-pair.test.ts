// The pair of sessions of a comparison: every action reaches both, time runs for both together,
// and pause and rewind hold both.
import { describe, expect, it } from 'vitest';
import { advanceBoth, comparedSettings, dispatchBoth, dispatchCompared } from '../../source/ui/compare/compare-pair.js';
import { bootedSession } from './helpers.js';

const pair = () => ({ a: bootedSession(7, false), b: bootedSession(7, false, { topology: 'external' }) });

describe('the comparison pair', () => {
  it('advances both by the same time, and neither while paused or rewound', () => {
    let p = advanceBoth(pair(), 3000);
    expect([p.a.state.t, p.b.state.t]).toEqual([8000, 8000]);
    p = dispatchBoth(p, { type: 'toggle-pause' });
    expect([p.a.paused, p.b.paused]).toEqual([true, true]);
    expect(advanceBoth(p, 3000)).toBe(p);
    p = dispatchBoth(dispatchBoth(p, { type: 'toggle-pause' }), { type: 'rewind', ms: 2000 });
    expect([p.a.cursor !== null, p.b.cursor !== null]).toEqual([true, true]);
    expect(p.a.state.t).toBe(p.b.state.t);
    expect(advanceBoth(p, 3000)).toBe(p);
  });

  it('a fault reaches both clusters', () => {
    const p = dispatchBoth(pair(), { type: 'crash', target: 'master-2' });
    expect([p.a.state.nodes['master-2'].state, p.b.state.nodes['master-2'].state]).toEqual(['crashed', 'crashed']);
  });

  it('names the compared settings and refuses an action that would make them alike', () => {
    const p = pair();
    expect(comparedSettings(p)).toEqual(['topology']);
    const r = dispatchCompared(p, { type: 'set-topology', topology: 'external' });
    expect(r.refused).toBe('topology');
    expect(r.pair).toBe(p);
    expect(dispatchCompared(p, { type: 'set-rps', rps: 10 }).refused).toBeNull();
  });
});
