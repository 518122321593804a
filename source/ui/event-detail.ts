// One event in full: its whole text, the chain of events that caused it back to the person's
// action, its fields, and what it led to.
import type { SimEvent, State } from '../sim/types.js';
import { type Line, seg, clock, wrap } from './lines.js';
import { markerOf } from './timeline/markers.js';

/** The causes of an event, nearest first, as far back as the bounded log still holds them. */
export function causeChain(s: State, e: SimEvent): { chain: SimEvent[]; lostId: string | null } {
  const byId = new Map(s.events.map((x) => [x.id, x]));
  const chain: SimEvent[] = [];
  const seen = new Set([e.id]);
  let cur = e;
  while (cur.cause !== null) {
    const c = byId.get(cur.cause);
    if (!c) return { chain, lostId: cur.cause };
    if (seen.has(c.id)) break;
    seen.add(c.id);
    chain.push(c);
    cur = c;
  }
  return { chain, lostId: null };
}

/** The events this one caused directly, oldest first. */
export function effectsOf(s: State, e: SimEvent): SimEvent[] {
  return s.events.filter((x) => x.cause === e.id);
}

function block(prefix: string, rest: string, text: string, width: number, tone: Line[number]['tone'], bold = false): Line[] {
  return wrap(text, Math.max(10, width - prefix.length)).map((l, i) => [seg(i ? rest : prefix, 'plain', { dim: true }), seg(l, tone, { bold })]);
}

/**
 * The detail view's lines. The title stays; what does not fit under it scrolls from `scroll`
 * (clamped), with "▲ n more" / "▼ n more" where lines are out of view.
 */
export function eventDetailLines(s: State, e: SimEvent, width: number, height: number, scroll = 0): Line[] {
  const title: Line[] = [[
    seg(' Event ', 'accent', { bold: true, inverse: true }),
    seg(` ${clock(e.t)}  ${e.kind}  ${e.subject}`, 'accent', { bold: true }),
    seg('   Esc closes', 'plain', { dim: true }),
  ]];
  const head: Line[] = [];
  head.push(...block('   ', '   ', e.message, width, 'plain'));
  const causes: Line[] = [];
  const { chain, lostId } = causeChain(s, e);
  const action = markerOf(e) ? e : chain.find((c) => markerOf(c));
  if (markerOf(e)) causes.push([seg(' ◆ this is your action', 'warn', { bold: true })]);
  else if (chain.length || lostId) causes.push([seg(' Because', 'plain', { bold: true })]);
  for (const c of chain) {
    const mine = c === action;
    causes.push(...block(` ← ${clock(c.t)} `, '            ', mine ? `◆ your action: ${c.message}` : c.message, width, mine ? 'warn' : 'plain', mine));
  }
  if (lostId) causes.push([seg(' ← (an earlier cause is no longer in the event log)', 'plain', { dim: true })]);
  if (!markerOf(e) && !chain.length && !lostId) causes.push([seg(' No cause: the simulation did this by itself.', 'plain', { dim: true })]);
  const fields: Line[] = [];
  const data = e.data ? Object.entries(e.data).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`) : [];
  if (data.length) fields.push([seg('')], ...block('   ', '   ', data.join(' · '), width, 'info'));
  const effects = effectsOf(s, e);
  const led: Line[] = effects.length ? [[seg(' Led to', 'plain', { bold: true })]] : [];
  for (const x of effects) led.push(...block(` → ${clock(x.t)} `, '            ', x.message, width, 'plain'));
  // The causes come before the fields and the effects: they are what the view is for.
  const body = [...head, [seg('')], ...causes, ...fields, ...(led.length ? [[seg('')], ...led] : [])];
  const room = Math.max(1, height - 1);
  if (body.length <= room) return [...title, ...body];
  // Scrolling: one line each for the indicators above and below.
  const view = Math.max(1, room - 2);
  const from = Math.min(Math.max(0, scroll), body.length - view);
  const above = from;
  const below = body.length - from - view;
  const more = (n: number, arrow: string): Line => [seg(n ? ` ${arrow} ${n} more (↑ ↓ scroll)` : '', 'plain', { dim: true })];
  return [...title, more(above, '▲'), ...body.slice(from, from + view), more(below, '▼')];
}
