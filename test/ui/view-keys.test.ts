// The keys of the timeline and the event log as one pure step over real snapshots.
import { describe, expect, it } from 'vitest';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { createSession, dispatch, stepTicks } from '../../source/sim/session.js';
import { NO_VIEWS, viewKey, zoomOf, type ViewsState } from '../../source/ui/view-keys.js';
import { ledgerOf } from '../../source/sim/ledger/index.js';

let session = stepTicks(createSession(createState(defaultConfig({ seed: 2 })), { paused: true }), 200);
session = stepTicks(dispatch(session, { type: 'crash', target: 'master-1' }), 100);
session = stepTicks(dispatch(session, { type: 'kill', target: 'master-2', component: 'apiserver' }), 100);
const s = session.state;

/** Types keys one after another; each is [input, key]. */
function type(v: ViewsState, ...keys: [string, Record<string, boolean>?][]): (ViewsState | null)[] {
  const out: (ViewsState | null)[] = [];
  let cur = v;
  for (const [input, key] of keys) {
    const next = viewKey(cur, input, key ?? {}, s);
    out.push(next);
    if (next) cur = next;
  }
  return out;
}

describe('view keys', () => {
  it('T opens the timeline; ← → pick a fault of the ledger; < > zoom; Esc closes; other keys pass', () => {
    expect(ledgerOf(s).length).toBe(2);
    const [open, left, left2, right, zoomOut, pause, esc] = type(NO_VIEWS, ['T'], ['', { leftArrow: true }], ['', { leftArrow: true }], ['', { rightArrow: true }], ['<'], [' '], ['', { escape: true }]);
    expect(open!.timeline.open).toBe(true);
    expect(left!.timeline.fault).toBe(0);
    expect(left2!.timeline.fault).toBe(0);
    expect(right!.timeline.fault).toBeNull();
    expect(zoomOf(zoomOut!)).toBe(2);
    expect(pause).toBeNull();
    expect(esc!.timeline.open).toBe(false);
  });

  it('e focuses the log; ↓ older, Enter opens, arrows stay with the open event, Esc twice gives the keys back', () => {
    const [focus, down, enter, swallowed, passed, esc1, esc2, after] = type(
      NO_VIEWS, ['e'], ['', { downArrow: true }], ['', { return: true }], ['', { upArrow: true }], ['c'], ['', { escape: true }], ['', { escape: true }], ['', { downArrow: true }],
    );
    expect(focus!.events.id).toBe(s.events[s.events.length - 1].id);
    expect(down!.events.id).toBe(s.events[s.events.length - 2].id);
    expect(enter!.events.open).toBe(true);
    expect(swallowed!.events).toMatchObject({ open: true, scroll: 0 });
    expect(passed).toBeNull();
    expect(esc1!.events).toMatchObject({ focused: true, open: false });
    expect(esc2!.events.focused).toBe(false);
    expect(after).toBeNull();
  });

  it('↓ ↑ scroll the open event', () => {
    const [, , down, down2, up] = type(NO_VIEWS, ['e'], ['', { return: true }], ['', { downArrow: true }], ['j'], ['', { upArrow: true }]);
    expect(down!.events.scroll).toBe(1);
    expect(down2!.events.scroll).toBe(2);
    expect(up!.events.scroll).toBe(1);
    expect(up!.events.id).toBe(s.events[s.events.length - 1].id);
  });

  it('keys that are not theirs pass when nothing is open', () => {
    for (const k of ['c', 'j', ' ', '[']) expect(viewKey(NO_VIEWS, k, {}, s)).toBeNull();
    expect(viewKey(NO_VIEWS, '', { return: true }, s)).toBeNull();
  });
});
