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

/** The settings in which the two clusters differ ("topology", "knobs.leaseDurationMs"). */
export function comparedSettings(p: ComparePair): string[] {
  const a = p.a.live.config;
  const b = p.b.live.config;
  const out: string[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  for (const k of Object.keys(a) as (keyof typeof a)[]) {
    if (k === 'knobs' || k === 'seed') continue;
    if (!same(a[k], b[k])) out.push(k);
  }
  for (const k of Object.keys(a.knobs) as (keyof typeof a.knobs)[]) if (!same(a.knobs[k], b.knobs[k])) out.push(`knobs.${k}`);
  return out;
}

/**
 * One action to both, unless it would make the clusters alike in a setting being compared (the
 * `t` key in a topology comparison): then the pair is unchanged and `refused` names the setting.
 */
export function dispatchCompared(p: ComparePair, action: Action): { pair: ComparePair; refused: string | null } {
  const next = dispatchBoth(p, action);
  const before = comparedSettings(p);
  const after = new Set(comparedSettings(next));
  const lost = before.find((k) => !after.has(k));
  return lost ? { pair: p, refused: lost.replace(/^knobs\./, '') } : { pair: next, refused: null };
}
