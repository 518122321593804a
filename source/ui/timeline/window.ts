// Which stretch of simulated time the timeline draws, and how much time one character stands for.
// The right edge is the live edge (the lanes scroll with time); while rewound far back, the window
// follows the moment on screen instead.

/** Time per character, smallest first: narrow terminals get fewer, wider slices. */
export const SLICE_LADDER_MS = [1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000] as const;

/** The window should cover at least this much time (a fault and its whole recovery). */
export const TARGET_SPAN_MS = 90_000;

export interface TimelineWindow {
  /** First slice starts here (may be before the session began: those slices stay empty). */
  from: number;
  /** End of the last slice (exclusive). */
  to: number;
  sliceMs: number;
  slices: number;
}

/** The smallest slice from the ladder that lets `chars` characters cover the target span. */
export function sliceFor(chars: number, targetMs = TARGET_SPAN_MS): number {
  const n = Math.max(1, chars);
  for (const s of SLICE_LADDER_MS) if (n * s >= targetMs) return s;
  return SLICE_LADDER_MS[SLICE_LADDER_MS.length - 1];
}

/**
 * The window for `chars` characters ending at the live edge `liveT` (from the session's start
 * until a whole span has passed; slices no wider than needed to hold the session so far); when the moment on screen
 * (`shownT`) would fall in the oldest fifth of it or before, the window ends a fifth of a span after it.
 * Slice edges are whole multiples of the slice, so a column keeps its time as the window scrolls.
 */
export function timelineWindow(chars: number, liveT: number, shownT: number = liveT, targetMs = TARGET_SPAN_MS): TimelineWindow {
  const slices = Math.max(1, chars);
  // A young session gets the narrowest slices that hold all of it so far.
  const sliceMs = sliceFor(slices, Math.min(targetMs, liveT + SLICE_LADDER_MS[0]));
  const span = slices * sliceMs;
  let endT = liveT;
  if (shownT < liveT - span * 0.8) endT = shownT + span * 0.2;
  // Until a whole span has passed, the window starts at the beginning of the session.
  const to = Math.max(span, (Math.floor(endT / sliceMs) + 1) * sliceMs);
  return { from: to - span, to, sliceMs, slices };
}

/** The column of simulated time `t`, or null when it is outside the window. */
export function columnOf(w: TimelineWindow, t: number): number | null {
  if (t < w.from || t >= w.to) return null;
  return Math.floor((t - w.from) / w.sliceMs);
}
