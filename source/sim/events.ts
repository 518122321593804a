// The event log: plain-language events, each with the id of the event that caused it.
import type { SimEvent, State } from './types.js';
import { newId } from './ids.js';

export const EVENT_LOG_LIMIT = 400;

export type EventData = Record<string, string | number | boolean | null>;

/** Appends an event to the bounded log and returns its id (for linking effects to it). */
export function emit(
  s: State,
  kind: string,
  subject: string,
  message: string,
  cause: string | null = null,
  data?: EventData,
): string {
  const id = `ev_${newId(s, 8)}`;
  s.eventSeq += 1;
  const ev: SimEvent = { id, seq: s.eventSeq, t: s.t, kind, subject, message, cause };
  if (data) ev.data = data;
  s.events.push(ev);
  if (s.events.length > EVENT_LOG_LIMIT) s.events.splice(0, s.events.length - EVENT_LOG_LIMIT);
  return id;
}

/** Remembers the latest event of a story (e.g. "quorum") so later effects can name it as their cause. */
export function setCause(s: State, key: string, eventId: string): void {
  s.causes[key] = eventId;
}

export function causeOf(s: State, ...keys: string[]): string | null {
  for (const k of keys) {
    const id = s.causes[k];
    if (id) return id;
  }
  return null;
}

/** Events newer than the given sequence number (still in the bounded log). */
export function eventsSince(s: State, seq: number): SimEvent[] {
  const ev = s.events;
  let i = ev.length;
  while (i > 0 && ev[i - 1].seq > seq) i--;
  return ev.slice(i);
}
