// Selecting an event in the log and opening it in full: a pure model for the keys the App binds
// (`e` selects the log, ↑ ↓ move, Enter opens the event with its causes, Esc closes).
import type { SimEvent, State } from '../sim/types.js';

export interface EventSelection {
  /** The event log has the keys (↑ ↓ move through events instead of nodes). */
  focused: boolean;
  /** The selected event's id; null when none is selected. */
  id: string | null;
  /** The selected event is open in full (the detail view). */
  open: boolean;
  /** First line of the open event shown, when it is longer than its view. */
  scroll: number;
}

export const NO_EVENT_SELECTION: EventSelection = { focused: false, id: null, open: false, scroll: 0 };

/** `e`: the log takes the keys, with the newest event selected (or the one already selected). */
export function focusEvents(sel: EventSelection, s: State): EventSelection {
  const still = sel.id !== null && s.events.some((e) => e.id === sel.id);
  const newest = s.events[s.events.length - 1];
  return { focused: true, id: still ? sel.id : (newest?.id ?? null), open: false, scroll: 0 };
}

/**
 * ↑ (delta −1) shows a newer event, ↓ (delta +1) an older one, as the log lists them newest
 * first; it stops at either end. A selected event that left the bounded log moves to the oldest.
 */
export function moveEvent(sel: EventSelection, s: State, delta: number): EventSelection {
  const n = s.events.length;
  if (!sel.focused || n === 0) return sel;
  const idx = sel.id === null ? -1 : s.events.findIndex((e) => e.id === sel.id);
  const from = idx < 0 ? (delta < 0 ? 0 : n - 1) : idx;
  const next = Math.min(n - 1, Math.max(0, from - delta));
  return { ...sel, id: s.events[next].id };
}

/** Enter: the selected event opens in full. */
export function openEvent(sel: EventSelection): EventSelection {
  return sel.focused && sel.id !== null ? { ...sel, open: true, scroll: 0 } : sel;
}

/** ↑ / ↓ in the open event: scrolls it (the view clamps the far end). */
export function scrollEvent(sel: EventSelection, delta: number): EventSelection {
  return sel.open ? { ...sel, scroll: Math.max(0, sel.scroll + delta) } : sel;
}

/** Esc: closes the open event; a second Esc gives the keys back to the nodes. */
export function closeEvent(sel: EventSelection): EventSelection {
  if (sel.open) return { ...sel, open: false };
  return NO_EVENT_SELECTION;
}

/** The selected event, if it is still in the snapshot's log. */
export function selectedEvent(sel: EventSelection, s: State): SimEvent | null {
  if (sel.id === null) return null;
  return s.events.find((e) => e.id === sel.id) ?? null;
}
