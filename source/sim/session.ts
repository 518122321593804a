// A run of the simulation as a person drives it: the current snapshot, pause and speed, and a
// bounded history of past snapshots for rewinding and forking. Pure: no clock, no I/O.
import type { State } from './types.js';
import type { Action } from './actions.js';
import { isSimAction } from './actions.js';
import { advance, apply } from './engine.js';

export const HISTORY_EVERY_MS = 1000;
export const HISTORY_LIMIT = 3600;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;

export interface Session {
  /** The snapshot on screen: the live one, or a past one while rewound. */
  state: State;
  /** The newest snapshot (the live edge). */
  live: State;
  paused: boolean;
  speed: number;
  /** Past snapshots, oldest first, one per HISTORY_EVERY_MS of simulated time. */
  history: State[];
  /** Index in history of the snapshot on screen while rewound; null when live. */
  cursor: number | null;
  /** Simulated time of the last fork (resuming or acting from the past), or null. */
  forkedAt: number | null;
}

export function createSession(state: State, opts: { paused?: boolean; speed?: number } = {}): Session {
  return {
    state,
    live: state,
    paused: opts.paused ?? false,
    speed: clampSpeed(opts.speed ?? 1),
    history: [state],
    cursor: null,
    forkedAt: null,
  };
}

export function clampSpeed(x: number): number {
  if (!Number.isFinite(x)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
}

function record(history: State[], st: State): State[] {
  const last = history[history.length - 1];
  if (last && Math.floor(st.t / HISTORY_EVERY_MS) === Math.floor(last.t / HISTORY_EVERY_MS)) return history;
  const next = history.length >= HISTORY_LIMIT ? history.slice(history.length - HISTORY_LIMIT + 1) : history.slice();
  next.push(st);
  return next;
}

/** Drops the future after the snapshot on screen, making it live again. */
export function fork(s: Session): Session {
  if (s.cursor === null) return s;
  const history = s.history.slice(0, s.cursor + 1);
  return { ...s, history, live: s.state, cursor: null, forkedAt: s.state.t };
}

/** Moves `ticks` ticks forward from the snapshot on screen (forking first if rewound). */
export function stepTicks(s: Session, ticks: number): Session {
  const base = fork(s);
  let st = base.live;
  let history = base.history;
  // Advance in slices so history keeps one snapshot per second.
  let left = ticks;
  const perSlice = Math.max(1, Math.round(HISTORY_EVERY_MS / st.config.tickMs));
  while (left > 0) {
    const n = Math.min(left, perSlice - (Math.round(st.t / st.config.tickMs) % perSlice) || perSlice);
    st = advance(st, n);
    history = record(history, st);
    left -= n;
  }
  return { ...base, state: st, live: st, history };
}

/** Advances by simulated milliseconds (whole ticks); used by the live timer with speed applied. */
export function advanceMs(s: Session, ms: number): Session {
  const ticks = Math.floor(ms / s.live.config.tickMs);
  return ticks > 0 ? stepTicks(s, ticks) : s;
}

export function rewindBy(s: Session, ms: number): Session {
  const idx = s.cursor ?? s.history.length - 1;
  const targetT = s.history[idx].t - ms;
  let i = idx;
  while (i > 0 && s.history[i].t > targetT) i--;
  return { ...s, cursor: i, state: s.history[i], paused: true };
}

export function forwardBy(s: Session, ms: number): Session {
  if (s.cursor === null) return s;
  const targetT = s.history[s.cursor].t + ms;
  let i = s.cursor;
  while (i < s.history.length - 1 && s.history[i].t < targetT) i++;
  if (i === s.history.length - 1) return { ...s, cursor: null, state: s.live };
  return { ...s, cursor: i, state: s.history[i] };
}

export function dispatch(s: Session, action: Action): Session {
  if (isSimAction(action)) {
    const base = fork(s);
    const st = apply(base.live, action);
    const history = base.history.slice();
    if (history.length && history[history.length - 1].t === st.t) history[history.length - 1] = st;
    else history.push(st);
    return { ...base, state: st, live: st, history };
  }
  switch (action.type) {
    case 'pause': return { ...s, paused: true };
    case 'resume': return { ...fork(s), paused: false };
    case 'toggle-pause': return s.paused ? { ...fork(s), paused: false } : { ...s, paused: true };
    case 'step': return { ...stepTicks(s, action.ticks ?? 1), paused: true };
    case 'speed': return { ...s, speed: clampSpeed(action.speed) };
    case 'rewind': return rewindBy(s, action.ms ?? 1000);
    case 'forward': return forwardBy(s, action.ms ?? 1000);
    case 'fork': return fork(s);
  }
}

export function isRewound(s: Session): boolean {
  return s.cursor !== null;
}
