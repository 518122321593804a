// From the cast's frames to the export's: trim to [from, to], compress pauses longer than the idle
// limit, divide by the speed, and hold the last frame for a pause before the loop starts again.
import type { Frame } from './replay.js';
import type { CastInput } from './cast-input.js';
import { parseDuration } from '../sim/duration.js';

export interface TimedFrame extends Frame {
  /** Seconds into the export at which this frame shows. */
  at: number;
  /** Seconds it stays. */
  hold: number;
}

export interface TimelineOptions {
  /** Cast seconds to start and stop at (null: the start, the end). */
  from: number | null;
  to: number | null;
  /** Pauses longer than this (seconds, cast time) shrink to it; null keeps every pause. */
  idleLimit: number | null;
  speed: number;
  /** Seconds the last frame stays before the loop starts over. */
  endPause: number;
}

/**
 * A point in a cast named on the command line: a marker's label (exactly, else case-insensitive)
 * or a time (`12`, `12.5s`, `1m`, `800ms`; a bare number is seconds). Returns seconds, or a
 * one-line error naming the markers there are.
 */
export function resolvePoint(cast: CastInput, text: string, flag: string): { ok: true; t: number } | { ok: false; error: string } {
  const exact = cast.markers.find(([, l]) => l === text) ?? cast.markers.find(([, l]) => l.toLowerCase() === text.toLowerCase());
  if (exact) return { ok: true, t: exact[0] };
  const ms = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) * 1000 : parseDuration(text);
  if (ms !== null && Number.isFinite(ms)) {
    const t = ms / 1000;
    if (t > cast.end + 1e-9) return { ok: false, error: `${flag} ${text}: the cast ends at ${cast.end.toFixed(1)}s` };
    return { ok: true, t };
  }
  const names = cast.markers.map(([, l]) => JSON.stringify(l));
  const known = names.length ? `its markers are ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}` : 'it has no markers';
  return { ok: false, error: `${flag} ${JSON.stringify(text)} is neither a marker of the cast nor a time like 12.5s (${known})` };
}

/** The screen showing at cast time t. */
export function frameAt(frames: Frame[], t: number): Frame {
  let found = frames[0];
  for (const f of frames) {
    if (f.t <= t + 1e-9) found = f;
    else break;
  }
  return found;
}

/** Frames of the export with their times; never empty when `frames` is not. */
export function buildTimeline(frames: Frame[], end: number, opts: TimelineOptions): TimedFrame[] {
  const from = opts.from ?? 0;
  const to = opts.to ?? Math.max(end, frames[frames.length - 1]?.t ?? 0);
  const kept: Frame[] = [];
  const first = frameAt(frames, from);
  if (first) kept.push({ t: from, screen: first.screen });
  for (const f of frames) if (f.t > from + 1e-9 && f.t <= to + 1e-9) kept.push(f);
  const out: TimedFrame[] = [];
  let at = 0;
  for (let i = 0; i < kept.length; i++) {
    const next = i + 1 < kept.length ? kept[i + 1].t : to;
    let gap = Math.max(0, next - kept[i].t);
    if (opts.idleLimit !== null && gap > opts.idleLimit) gap = opts.idleLimit;
    const hold = round(gap / opts.speed);
    out.push({ ...kept[i], at: round(at), hold });
    at += hold;
  }
  if (out.length) out[out.length - 1].hold = round(out[out.length - 1].hold + opts.endPause);
  // A frame that would show for no time at all (same instant after trimming) is dropped.
  return out.filter((f, i) => f.hold > 0 || i === out.length - 1);
}

const round = (s: number) => Math.round(s * 1000) / 1000;
