// Keys of the timeline and the event log, as data and one pure step, so the App binds them in a
// line: `const next = viewKey(views, input, key, state); if (next) return setViews(next);`.
import type { State } from '../sim/types.js';
import { ledgerOf } from '../sim/ledger/index.js';
import { closeEvent, focusEvents, moveEvent, NO_EVENT_SELECTION, openEvent, scrollEvent, type EventSelection } from './event-selection.js';
import { moveFault, zoomStep, ZOOM_STEPS } from './timeline/fault-selection.js';

/** For the help overlay (after the dashboard's own keys). */
export const VIEW_KEYS: [string, string][] = [
  ['T', 'timeline (← → fault, < > zoom, Esc)'],
  ['e', 'events: ↑ ↓, Enter opens with causes'],
];

export interface ViewsState {
  timeline: { open: boolean; fault: number | null; zoom: number };
  events: EventSelection;
}

export const NO_VIEWS: ViewsState = { timeline: { open: false, fault: null, zoom: 0 }, events: NO_EVENT_SELECTION };

/** The keys this step reads (Ink's `Key` has these fields). */
export interface KeyLike {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  return?: boolean;
  escape?: boolean;
}

/** The zoom-out factor for the timeline's `zoomOut`. */
export const zoomOf = (v: ViewsState): number => ZOOM_STEPS[v.timeline.zoom];

/**
 * One key on the views: the new views state, or null when the key is not theirs (the App handles
 * it as before). While the timeline is open it takes ← → < > and Esc (pause, rewind and the
 * rest still work under it); while the event log is focused it takes ↑ ↓ j k, Enter and Esc.
 */
export function viewKey(v: ViewsState, input: string, key: KeyLike, s: State): ViewsState | null {
  const tl = v.timeline;
  if (tl.open) {
    if (key.escape || input === 'T') return { ...v, timeline: { ...tl, open: false } };
    const n = ledgerOf(s).length;
    if (key.leftArrow || key.rightArrow) return { ...v, timeline: { ...tl, fault: moveFault(tl.fault, key.leftArrow ? -1 : 1, n) } };
    if (input === '<' || input === '>') return { ...v, timeline: { ...tl, zoom: zoomStep(tl.zoom, input === '<' ? 1 : -1) } };
    return null;
  }
  if (input === 'T') return { events: NO_EVENT_SELECTION, timeline: { ...tl, open: true } };
  const ev = v.events;
  if (input === 'e' && !ev.open) return { ...v, events: ev.focused ? NO_EVENT_SELECTION : focusEvents(ev, s) };
  if (!ev.focused) return null;
  if (key.escape) return { ...v, events: closeEvent(ev) };
  // The open event scrolls with the moving keys and keeps Enter (they would act on nodes behind it).
  if (ev.open) {
    if (key.upArrow || input === 'k') return { ...v, events: scrollEvent(ev, -1) };
    if (key.downArrow || input === 'j') return { ...v, events: scrollEvent(ev, 1) };
    return key.return ? v : null;
  }
  if (key.upArrow || input === 'k') return { ...v, events: moveEvent(ev, s, -1) };
  if (key.downArrow || input === 'j') return { ...v, events: moveEvent(ev, s, 1) };
  if (key.return) return { ...v, events: openEvent(ev) };
  return null;
}
