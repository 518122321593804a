// Event log: plain-language events, newest first, each with its full text wrapped and the event
// that caused it. Nothing is cut silently: an event the pane cannot show in full ends with "…"
// (the event-detail view shows it all).
import type { SimEvent, State } from '../../sim/types.js';
import { type Line, type Tone, seg, clock, wrap } from '../lines.js';

const TONE: Record<string, 'bad' | 'warn' | 'ok' | 'info'> = {
  crashed: 'bad', killed: 'bad', lost: 'bad', quorum_lost: 'bad', backend_down: 'bad', unavailable: 'warn', stepped_down: 'warn',
  not_ready: 'bad', renew_failed: 'warn', rejected: 'warn', partitioned: 'warn', link_cut: 'warn', delete_failed: 'warn',
  acquired: 'ok', leader_elected: 'ok', quorum_restored: 'ok', backend_up: 'ok', ready: 'ok', recovered: 'ok', vip_moved: 'info',
};

export const toneOf = (e: SimEvent): Tone => TONE[e.kind.split('.').pop() ?? ''] ?? 'plain';

/** At most this many lines of one event in the log; the rest is behind "…" and the detail view. */
export const EVENT_LINES_MAX = 4;

const INDENT = '         ';

/** Puts "…" at the end of a line of text that does not show all of its event. */
function ellipsis(text: string, width: number): string {
  return [...text].length + 1 <= width ? `${text}…` : `${[...text].slice(0, width - 1).join('')}…`;
}

/** One event's lines: its text wrapped (at most `room` lines, "…" when cut) and its cause. */
function eventBlock(e: SimEvent, byId: Map<string, SimEvent>, textW: number, room: number, withCauses: boolean, sel: boolean): Line[] {
  const out: Line[] = [];
  const tone = toneOf(e);
  const all = wrap(e.message, textW);
  const lines = all.slice(0, Math.max(1, Math.min(EVENT_LINES_MAX, room)));
  if (lines.length < all.length) lines[lines.length - 1] = ellipsis(lines[lines.length - 1], textW);
  lines.forEach((l, k) => {
    const lead = k ? seg(INDENT) : seg(`${sel ? '▶' : ' '}${clock(e.t).slice(0, 7)} `, sel ? 'accent' : 'plain', { dim: !sel, bold: sel, inverse: sel });
    out.push([lead, seg(l, tone, { bold: sel })]);
  });
  const c = withCauses && e.cause ? byId.get(e.cause) : undefined;
  if (c && out.length < room) out.push([seg(`${INDENT}← because: ${c.message}`, 'plain', { dim: true })]);
  return out;
}

/**
 * Newest first, as many events as fit in `maxLines`. With a selected event further down than
 * fits, the newer ones above it give way (a first line counts them).
 */
export function eventsPane(s: State, width: number, maxLines: number, withCauses: boolean, selectedId: string | null = null): Line[] {
  const byId = new Map(s.events.map((e) => [e.id, e]));
  const textW = Math.max(20, width - INDENT.length - 1);
  const selIdx = selectedId === null ? -1 : s.events.findIndex((e) => e.id === selectedId);
  let top = s.events.length - 1;
  if (selIdx >= 0) {
    // Drop newer events until the selected one's block fits under a "▲ n newer" line.
    let used = 0;
    for (let i = top; i >= selIdx; i--) used += eventBlock(s.events[i], byId, textW, Infinity, withCauses, false).length;
    while (top > selIdx && used > maxLines - 1) {
      used -= eventBlock(s.events[top], byId, textW, Infinity, withCauses, false).length;
      top--;
    }
  }
  const out: Line[] = [];
  const hidden = s.events.length - 1 - top;
  if (hidden > 0) out.push([seg(`  ▲ ${hidden} newer event${hidden === 1 ? '' : 's'}`, 'plain', { dim: true })]);
  for (let i = top; i >= 0 && out.length < maxLines; i--) {
    const e = s.events[i];
    out.push(...eventBlock(e, byId, textW, maxLines - out.length, withCauses, e.id === selectedId));
  }
  if (out.length === 0) out.push([seg('  (no events yet)', 'plain', { dim: true })]);
  return out;
}
