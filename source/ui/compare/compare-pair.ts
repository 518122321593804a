// The two sessions of a live A/B comparison, driven together: every action (a fault, pause,
// rewind, speed) is dispatched to both, and time advances for both by the same amount, so the only
// difference between them is the knob being compared. Pure: no clock, no I/O.
import type { Action } from '../../sim/actions.js';
import { advanceMs, dispatch, isRewound, type Session } from '../../sim/session.js';

export type Side = 'a' | 'b';

export interface ComparePair {
  a: Session;
  b: Session;
}

/** One action to both sessions. */
export function dispatchBoth(p: ComparePair, action: Action): ComparePair {
  return { a: dispatch(p.a, action), b: dispatch(p.b, action) };
}

/** Advances both by `ms` of simulated time, unless paused or rewound (both are, or neither). */
export function advanceBoth(p: ComparePair, ms: number): ComparePair {
  if (p.a.paused || isRewound(p.a)) return p;
  return { a: advanceMs(p.a, ms), b: advanceMs(p.b, ms) };
}

export const otherSide = (s: Side): Side => (s === 'a' ? 'b' : 'a');
