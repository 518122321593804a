// Every word of an event is readable: wrapped in the log, "…" where the pane cannot show it all,
// a selection model over the log, and the detail view with the chain of causes to your action.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks } from '../../source/sim/session.js';
import { eventsPane, EVENT_LINES_MAX } from '../../source/ui/panes/events.js';
import { closeEvent, focusEvents, moveEvent, NO_EVENT_SELECTION, openEvent, selectedEvent } from '../../source/ui/event-selection.js';
import { causeChain, eventDetailLines } from '../../source/ui/event-detail.js';
import { EventDetailView } from '../../source/ui/event-detail-view.js';
import { clock, wrap, type Line } from '../../source/ui/lines.js';
import { stripAnsi } from './helpers.js';

const text = (lines: Line[]) => lines.map((l) => l.map((s) => s.t).join(''));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function crashed() {
  let s = createSession(createState(defaultConfig({ seed: 7 })), { paused: true });
  s = stepTicks(s, 200);
  s = dispatch(s, { type: 'crash', target: 'master-1' });
  return stepTicks(s, 300).state;
}

const state = crashed();
const newest = state.events[state.events.length - 1];

describe('the event log', () => {
  it('shows an event\'s whole text, wrapped, when there is room', () => {
    const lines = text(eventsPane(state, 120, 40, false));
    const firstBlock = lines.slice(0, wrap(newest.message, 120 - 10).length);
    expect(squash(firstBlock.join(' ').replace(/^\s*\d\d:\d\d\.\d/, ''))).toBe(squash(newest.message));
    expect(firstBlock.join('')).not.toContain('…');
  });

  it('ends with … when the pane cannot show all lines of an event', () => {
    const nLines = wrap(newest.message, 60 - 10).length;
    expect(nLines).toBeGreaterThan(1);
    const lines = text(eventsPane(state, 60, nLines - 1, false));
    expect(lines).toHaveLength(nLines - 1);
    expect(lines[lines.length - 1].endsWith('…')).toBe(true);
  });

  it(`keeps at most ${EVENT_LINES_MAX} lines of one event, the last ending with …`, () => {
    const lines = text(eventsPane(state, 40, 400, false));
    const long = state.events.slice(1).find((e) => wrap(e.message, 40 - 10).length > EVENT_LINES_MAX)!;
    expect(long).toBeDefined();
    // Blocks start with the time; the long event's block is its first line and three more.
    const at = lines.findIndex((l) => l.includes(wrap(long.message, 30)[0]) && l.includes(clock(long.t).slice(0, 7)));
    const block = lines.slice(at, at + EVENT_LINES_MAX + 1);
    expect(block[EVENT_LINES_MAX - 1].endsWith('…')).toBe(true);
    expect(block[EVENT_LINES_MAX]).toMatch(/^ \d\d:\d\d\.\d/);
  });
});

describe('selecting events', () => {
  it('e selects the newest; ↓ goes older, ↑ newer, stopping at the ends; Enter opens, Esc closes then leaves', () => {
    let sel = focusEvents(NO_EVENT_SELECTION, state);
    expect(sel).toEqual({ focused: true, id: newest.id, open: false, scroll: 0 });
    expect(moveEvent(sel, state, -1).id).toBe(newest.id);
    sel = moveEvent(sel, state, 1);
    expect(selectedEvent(sel, state)).toBe(state.events[state.events.length - 2]);
    sel = moveEvent(sel, state, -1);
    expect(sel.id).toBe(newest.id);
    for (let i = 0; i < state.events.length + 3; i++) sel = moveEvent(sel, state, 1);
    expect(sel.id).toBe(state.events[0].id);
    sel = openEvent(sel);
    expect(sel.open).toBe(true);
    sel = closeEvent(sel);
    expect(sel).toMatchObject({ focused: true, open: false });
    expect(closeEvent(sel)).toEqual(NO_EVENT_SELECTION);
    expect(openEvent(NO_EVENT_SELECTION)).toEqual(NO_EVENT_SELECTION);
  });

  it('the log scrolls to an old selected event and says how many newer ones it hides', () => {
    const oldest = state.events[0];
    const lines = text(eventsPane(state, 60, 8, true, oldest.id));
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines[0]).toMatch(/▲ \d+ newer events/);
    expect(lines.some((l) => l.startsWith('▶'))).toBe(true);
  });
});

describe('the event detail', () => {
  const effect = state.events.find((e) => e.kind === 'lease.acquired' && e.t > 20_000)!;

  it('walks the causes back to the user\'s action', () => {
    const { chain } = causeChain(state, effect);
    expect(chain.map((e) => e.kind)).toEqual(['node.crashed']);
    const all = text(eventDetailLines(state, effect, 80, 30)).join('\n');
    expect(squash(all)).toContain(squash(effect.message));
    expect(all).toMatch(/← 00:20\.0 ◆ your action: master-1 crashed/);
  });

  it('scrolls when it is longer than its view: every line reachable, indicators above and below', () => {
    const crash = state.events.find((e) => e.kind === 'node.crashed')!;
    const full = text(eventDetailLines(state, crash, 60, 100));
    const seen = new Set<string>();
    let last: string[] = [];
    for (let scroll = 0; scroll < 40; scroll++) {
      last = text(eventDetailLines(state, crash, 60, 8, scroll));
      expect(last.length).toBeLessThanOrEqual(8);
      for (const l of last) seen.add(l);
    }
    for (const l of full) expect(seen.has(l)).toBe(true);
    expect(text(eventDetailLines(state, crash, 60, 8, 0))[1]).toBe('');
    expect(text(eventDetailLines(state, crash, 60, 8, 0))[7]).toMatch(/▼ \d+ more/);
    expect(last[1]).toMatch(/▲ \d+ more/);
    expect(last[7]).toBe('');
  });

  it('lists what the action led to', () => {
    const crash = state.events.find((e) => e.kind === 'node.crashed')!;
    const all = text(eventDetailLines(state, crash, 80, 30)).join('\n');
    expect(all).toContain('◆ this is your action');
    expect(all).toContain('Led to');
    // A crashed host does not answer: its checks time out, DOWN 10-12 s after the crash at 20 s (docs/FIDELITY.md §10.1).
    expect(all).toMatch(/→ 00:3[0-2]\.\d The LB marks master-1 DOWN/);
  });

  describe('as an Ink view', () => {
    let level: typeof chalk.level;
    beforeEach(() => {
      level = chalk.level;
      chalk.level = 3;
    });
    afterEach(() => {
      chalk.level = level;
    });

    it('fits its box, in colour or without', () => {
      for (const noColor of [false, true]) {
        const r = render(<EventDetailView state={state} eventId={effect.id} width={70} height={12} noColor={noColor} />);
        const raw = r.lastFrame() ?? '';
        expect(/\u001b\[3\dm/.test(raw)).toBe(!noColor);
        const f = stripAnsi(raw).split('\n');
        expect(f.length).toBeLessThanOrEqual(12);
        for (const l of f) expect([...l].length).toBeLessThanOrEqual(70);
        expect(f.join('\n')).toContain('your action');
        r.unmount();
      }
    });
  });
});
