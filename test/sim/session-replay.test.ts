// Rewind that replays: resuming from the past re-runs the recorded future exactly (same actions at
// the same times, so the same events); only a new action taken in the past forks.
import { describe, expect, it } from 'vitest';
import { createSession, dispatch, stepTicks, isReplaying, isRewound, type Session } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import type { State } from '../../source/sim/types.js';

const TICK = 100;
const start = (seed: number) => createSession(createState(defaultConfig({ seed })), { paused: true });
const eventKeys = (st: State) => st.events.map((e) => `${e.t} ${e.kind} ${e.subject} ${e.message}`);
const runTo = (s: Session, t: number) => stepTicks(s, Math.round((t - s.live.t) / TICK));

/** Crash master-2 at 10 s, run to 40 s. */
function crashedRun(seed: number): Session {
  let s = runTo(start(seed), 10_000);
  s = dispatch(s, { type: 'crash', target: 'master-2' });
  return runTo(s, 40_000);
}

describe('rewind that replays', () => {
  for (const seed of [3, 17, 101]) {
    it(`seed ${seed}: rewind to 5 s and resume: the crash happens again at 10 s with the same events`, () => {
      const original = crashedRun(seed);
      let s = dispatch(original, { type: 'rewind', ms: 35_000 });
      expect(isRewound(s)).toBe(true);
      expect(s.state.t).toBe(5_000);
      expect(s.state.nodes['master-2'].state).toBe('up');
      s = dispatch(s, { type: 'resume' });
      expect(isReplaying(s)).toBe(true);
      s = runTo(s, 9_900);
      expect(s.live.nodes['master-2'].state).toBe('up');
      s = runTo(s, 10_000);
      expect(s.live.nodes['master-2'].state).toBe('crashed');
      s = runTo(s, 40_000);
      expect(isReplaying(s)).toBe(false);
      expect(s.forkedAt).toBeNull();
      expect(eventKeys(s.live)).toEqual(eventKeys(original.live));
      expect(JSON.stringify(s.live)).toBe(JSON.stringify(original.live));
    });
  }

  it('stepping one tick from the past replays too (no fork)', () => {
    const original = crashedRun(5);
    let s = dispatch(original, { type: 'rewind', ms: 31_000 });
    expect(s.state.t).toBe(9_000);
    for (let i = 0; i < 10; i++) s = dispatch(s, { type: 'step' });
    expect(s.live.t).toBe(10_000);
    expect(s.live.nodes['master-2'].state).toBe('crashed');
    expect(s.forkedAt).toBeNull();
  });

  it('] moves forward through the recorded future after a rewind and a step, and stops at its end', () => {
    const original = crashedRun(9);
    let s = dispatch(original, { type: 'rewind', ms: 30_000 });
    s = dispatch(s, { type: 'step' });
    expect(isReplaying(s)).toBe(true);
    const before = s.live.t;
    s = dispatch(s, { type: 'forward', ms: 5_000 });
    expect(s.live.t).toBe(before + 5_000);
    s = dispatch(s, { type: 'forward', ms: 60_000 });
    expect(s.live.t).toBe(40_000);
    expect(isReplaying(s)).toBe(false);
    expect(JSON.stringify(s.live)).toBe(JSON.stringify(original.live));
    // Past the recorded end, forward invents nothing.
    expect(dispatch(s, { type: 'forward', ms: 5_000 }).live.t).toBe(40_000);
  });

  it('a new action while replaying forks: the recorded future is dropped and the header can say when', () => {
    const original = crashedRun(11);
    let s = dispatch(original, { type: 'rewind', ms: 35_000 });
    s = dispatch(s, { type: 'resume' });
    s = runTo(s, 7_000);
    s = dispatch(s, { type: 'crash', target: 'master-3' });
    expect(s.forkedAt).toBe(7_000);
    expect(isReplaying(s)).toBe(false);
    s = runTo(s, 20_000);
    expect(s.live.nodes['master-3'].state).toBe('crashed');
    expect(s.live.nodes['master-2'].state).toBe('up');
    expect(s.journal.map((j) => j.t)).toEqual([7_000]);
  });

  it('a crash dispatched at the very time the rewind shows is replayed once, not twice', () => {
    let s = runTo(start(4), 10_000);
    s = dispatch(s, { type: 'crash', target: 'master-2' });
    s = dispatch(s, { type: 'recover', target: 'master-2' });
    s = runTo(s, 30_000);
    const original = s;
    s = dispatch(s, { type: 'rewind', ms: 20_000 });
    expect(s.state.t).toBe(10_000);
    s = runTo(dispatch(s, { type: 'resume' }), 30_000);
    expect(JSON.stringify(s.live)).toBe(JSON.stringify(original.live));
  });
});
