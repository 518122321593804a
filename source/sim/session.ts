// A run of the simulation as a person drives it: the current snapshot, pause and speed, and a
// bounded history of past snapshots for rewinding. Every simulation action is kept in a journal
// with the time it acted, so rewinding and resuming replays the recorded future exactly (the
// simulation is deterministic: the same state and the same actions give the same snapshots); only
// a new action taken in the past forks, dropping the recorded future. Pure: no clock, no I/O.
import type { State } from './types.js';
import type { Action, SimAction } from './actions.js';
import { isSimAction } from './actions.js';
import { advance, apply } from './engine.js';

export const HISTORY_EVERY_MS = 1000;
export const HISTORY_LIMIT = 3600;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;

/** A simulation action as it was taken: at simulated time `t`, in journal order. */
export interface JournalEntry {
  t: number;
  action: SimAction;
}

export interface Session {
  /** The snapshot on screen: the live one, or a past one while rewound. */
  state: State;
  /** The newest snapshot of the running timeline (while replaying, the replayed one). */
  live: State;
  paused: boolean;
  speed: number;
  /** Past snapshots, oldest first, one per HISTORY_EVERY_MS of simulated time. */
  history: State[];
  /** For each history snapshot, how many journal entries it includes. */
  marks: number[];
  /** Index in history of the snapshot on screen while rewound; null when not rewound. */
  cursor: number | null;
  /** Every simulation action taken, oldest first, including the recorded future while replaying. */
  journal: JournalEntry[];
  /** How many journal entries `live` includes; less than journal.length while replaying. */
  applied: number;
  /** Simulated time up to which a recorded future exists (replaying until then), or null. */
  recordedUntil: number | null;
  /** Simulated time of the last fork (a new action taken in the past), or null. */
  forkedAt: number | null;
}

export function createSession(state: State, opts: { paused?: boolean; speed?: number } = {}): Session {
  return {
    state,
    live: state,
    paused: opts.paused ?? false,
    speed: clampSpeed(opts.speed ?? 1),
    history: [state],
    marks: [0],
    cursor: null,
    journal: [],
    applied: 0,
    recordedUntil: null,
    forkedAt: null,
  };
}

export function clampSpeed(x: number): number {
  if (!Number.isFinite(x)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
}

/** Keeps `st` in history when it starts a new second (bounded, oldest dropped first). */
function record(s: Pick<Session, 'history' | 'marks'>, st: State, applied: number): Pick<Session, 'history' | 'marks'> {
  const last = s.history[s.history.length - 1];
  if (last && Math.floor(st.t / HISTORY_EVERY_MS) === Math.floor(last.t / HISTORY_EVERY_MS)) return { history: s.history, marks: s.marks };
  const drop = s.history.length >= HISTORY_LIMIT ? s.history.length - HISTORY_LIMIT + 1 : 0;
  const history = s.history.slice(drop);
  const marks = s.marks.slice(drop);
  history.push(st);
  marks.push(applied);
  return { history, marks };
}

/**
 * Leaves the rewound view and runs on from the snapshot on screen, replaying the recorded future:
 * the history after that snapshot is dropped (replay records it again, identically) but the
 * journal is kept.
 */
export function resumeFromCursor(s: Session): Session {
  if (s.cursor === null) return s;
  const i = s.cursor;
  const recordedUntil = Math.max(s.recordedUntil ?? 0, s.live.t);
  const applied = s.marks[i];
  return {
    ...s,
    history: s.history.slice(0, i + 1),
    marks: s.marks.slice(0, i + 1),
    live: s.state,
    cursor: null,
    applied,
    recordedUntil: applied < s.journal.length || s.state.t < recordedUntil ? recordedUntil : null,
  };
}

/** True while the running timeline replays a recorded future. */
export function isReplaying(s: Session): boolean {
  return s.cursor === null && s.recordedUntil !== null;
}

/** Applies the journal entries due at the live time that the live snapshot does not include yet. */
function applyDue(s: Session): Session {
  let { live, applied } = s;
  while (applied < s.journal.length && s.journal[applied].t <= live.t) {
    live = apply(live, s.journal[applied].action);
    applied++;
  }
  if (applied === s.applied) return s;
  return { ...s, live, state: live, applied, ...replaceLast(s, live, applied) };
}

/** The history with its last snapshot replaced by `st` when they share a time, else with `st` added. */
function replaceLast(s: Pick<Session, 'history' | 'marks'>, st: State, applied: number): Pick<Session, 'history' | 'marks'> {
  const history = s.history.slice();
  const marks = s.marks.slice();
  if (history.length && history[history.length - 1].t === st.t) {
    history[history.length - 1] = st;
    marks[marks.length - 1] = applied;
  } else {
    history.push(st);
    marks.push(applied);
  }
  return { history, marks };
}

/** Ends a replay once the recorded future is behind the live time. */
function settle(s: Session): Session {
  if (s.recordedUntil !== null && s.applied >= s.journal.length && s.live.t >= s.recordedUntil) {
    return { ...s, recordedUntil: null };
  }
  return s;
}

/** Moves `ticks` ticks forward from the snapshot on screen (replaying the recorded future if rewound). */
export function stepTicks(s: Session, ticks: number): Session {
  let cur = applyDue(resumeFromCursor(s));
  const tickMs = cur.live.config.tickMs;
  const perSlice = Math.max(1, Math.round(HISTORY_EVERY_MS / tickMs));
  let left = ticks;
  // Advance in slices so history keeps one snapshot per second, stopping where a journal entry acts.
  while (left > 0) {
    const st = cur.live;
    let n = Math.min(left, perSlice - (Math.round(st.t / tickMs) % perSlice) || perSlice);
    if (cur.applied < cur.journal.length) {
      const due = Math.ceil((cur.journal[cur.applied].t - st.t) / tickMs);
      if (due > 0) n = Math.min(n, due);
    }
    const next = advance(st, n);
    cur = { ...cur, live: next, state: next, ...record(cur, next, cur.applied) };
    cur = applyDue(cur);
    left -= n;
  }
  return settle(cur);
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

/**
 * Forward through time: through recorded history while rewound, and while replaying by running the
 * recorded future (never past its end: forward does not invent a future nobody recorded).
 */
export function forwardBy(s: Session, ms: number): Session {
  if (s.cursor !== null) {
    const targetT = s.history[s.cursor].t + ms;
    let i = s.cursor;
    while (i < s.history.length - 1 && s.history[i].t < targetT) i++;
    if (i === s.history.length - 1 && s.recordedUntil === null) return { ...s, cursor: null, state: s.live };
    if (s.history[i].t >= targetT || s.recordedUntil === null) return { ...s, cursor: i, state: s.history[i] };
    // The rest of the way lies in the recorded future that a replay has not reached yet.
    return forwardBy({ ...resumeFromCursor({ ...s, cursor: i, state: s.history[i] }), paused: s.paused }, targetT - s.history[i].t);
  }
  if (s.recordedUntil === null) return s;
  const until = Math.min(s.live.t + ms, s.recordedUntil);
  const ticks = Math.floor((until - s.live.t) / s.live.config.tickMs);
  return ticks > 0 ? { ...stepTicks(s, ticks), paused: s.paused } : s;
}

/** Takes a simulation action now. In the past (rewound or replaying) it forks: the recorded future is dropped. */
function act(s: Session, action: SimAction): Session {
  let base = resumeFromCursor(s);
  let forkedAt = base.forkedAt;
  if (base.applied < base.journal.length || base.recordedUntil !== null) {
    forkedAt = base.live.t;
    base = { ...base, journal: base.journal.slice(0, base.applied), recordedUntil: null };
  }
  base = applyDue(base);
  const st = apply(base.live, action);
  const journal = [...base.journal, { t: st.t, action }];
  const applied = journal.length;
  return { ...base, state: st, live: st, journal, applied, forkedAt, ...replaceLast(base, st, applied) };
}

export function dispatch(s: Session, action: Action): Session {
  if (isSimAction(action)) return act(s, action);
  switch (action.type) {
    case 'pause': return { ...s, paused: true };
    case 'resume': return { ...resumeFromCursor(s), paused: false };
    case 'toggle-pause': return s.paused ? { ...resumeFromCursor(s), paused: false } : { ...s, paused: true };
    case 'step': return { ...stepTicks(s, action.ticks ?? 1), paused: true };
    case 'speed': return { ...s, speed: clampSpeed(action.speed) };
    case 'rewind': return rewindBy(s, action.ms ?? 1000);
    case 'forward': return forwardBy(s, action.ms ?? 1000);
    case 'fork': return fork(s);
  }
}

/** Drops the recorded future after the snapshot on screen and runs on from it. */
export function fork(s: Session): Session {
  const base = resumeFromCursor(s);
  if (base.applied === base.journal.length && base.recordedUntil === null) return base;
  return { ...base, journal: base.journal.slice(0, base.applied), recordedUntil: null, forkedAt: base.live.t };
}

export function isRewound(s: Session): boolean {
  return s.cursor !== null;
}
