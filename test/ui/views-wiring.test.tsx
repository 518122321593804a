// The views wired into the dashboard: T opens the timeline, e / ↑ ↓ / Enter open an event in
// full, Esc closes; the footer keeps its row; the too-small screen ignores keys; menus give every
// item a key and ask before a removal that leaves etcd without fault tolerance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { App } from '../../source/ui/app.js';
import { createSession, dispatch, stepTicks, type Session } from '../../source/sim/session.js';
import { createState } from '../../source/sim/create.js';
import { defaultConfig } from '../../source/sim/config.js';
import { bootedSession, KEY, press, renderApp, waitFor } from './helpers.js';

let savedLevel: typeof chalk.level;
beforeAll(() => {
  savedLevel = chalk.level;
  chalk.level = 0; // explicit: the tests read text, with noColor
});
afterAll(() => {
  chalk.level = savedLevel;
});

const squash = (s: string) => s.replace(/[\s│]+/g, ' ').trim();

function crashedSession(seed = 3): Session {
  const s = dispatch(bootedSession(seed), { type: 'crash', target: 'master-1' });
  return stepTicks(s, 60);
}

describe('the views in the dashboard', () => {
  it('T opens the failover timeline full screen with the crash marker and the lanes; Esc closes it', async () => {
    const r = renderApp({ session: crashedSession(), cols: 120, rows: 36 });
    expect(r.frame()).not.toContain('Failover timeline');
    await press(r.stdin, 'T');
    await waitFor(() => r.frame().includes('Failover timeline'), 'the timeline');
    const f = r.frame();
    expect(f).toContain('crash master-1');
    expect(f).toContain('▼');
    for (const lane of ['API (clients)', 'writes', 'etcd leader', 'LB → master-1', 'KCM lease', 'pods running']) expect(f).toContain(lane);
    expect(f).not.toContain('── Masters');
    await press(r.stdin, KEY.esc);
    await waitFor(() => r.frame().includes('Masters'), 'the panes back');
    r.unmount();
  });

  it('e selects the event log, ↓ moves to an older event, Enter shows its full text and causes, Esc Esc gives the keys back', async () => {
    const session = crashedSession();
    const events = session.state.events;
    const second = events[events.length - 2];
    const r = renderApp({ session, cols: 80, rows: 24 });
    await press(r.stdin, 'e');
    await waitFor(() => r.frame().includes('▶'), 'a selected event');
    await press(r.stdin, KEY.down);
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.frame().includes('Esc closes'), 'the event in full');
    const f = r.frame();
    expect(f).toContain(` Event  `);
    expect(squash(f)).toContain(squash(second.message));
    expect(f).toMatch(/Because|No cause|this is your action/);
    await press(r.stdin, KEY.esc);
    await waitFor(() => !r.frame().includes('Esc closes'), 'the event to close');
    await press(r.stdin, KEY.esc);
    // The keys are the nodes' again: ↓ selects master-2 (in the log, it would move the event).
    await press(r.stdin, KEY.down);
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.frame().includes('Actions on master-2'), 'the node menu of master-2');
    r.unmount();
  });

  it('the crash the event log shows is the one the timeline marks, and the headline says DEGRADED with no retries', async () => {
    const s0 = stepTicks(createSession(createState(defaultConfig({ seed: 3, knobs: { ...defaultConfig().knobs, retries: 0 } })), { paused: true }), 50);
    const s = stepTicks(dispatch(s0, { type: 'crash', target: 'master-1' }), 20);
    const r = renderApp({ session: s, cols: 120, rows: 36 });
    expect(r.frame()).toMatch(/API (DEGRADED|DOWN)/);
    expect(r.frame()).not.toMatch(/API OK/);
    r.unmount();
  });
});

describe('the footer and the strip', () => {
  for (const [cols, rows] of [[80, 24], [160, 48], [200, 60]] as const) {
    it(`at ${cols}x${rows} the key hints are on the last row but one, before and after events arrive`, () => {
      const before = bootedSession();
      const after = stepTicks(dispatch(before, { type: 'crash', target: 'master-1' }), 300);
      for (const session of [before, after]) {
        const r = renderApp({ session, cols, rows });
        const lines = r.frame().split('\n');
        expect(lines).toHaveLength(rows - 1);
        expect(lines[rows - 2]).toMatch(/^ \? help/);
        r.unmount();
      }
    });
  }

  it('from 160 columns the timeline strip sits under the panes; narrower, it does not', () => {
    const wide = renderApp({ session: crashedSession(), cols: 160, rows: 48 });
    expect(wide.frame()).toMatch(/ Timeline \d\d:\d\d/);
    expect(wide.frame()).toContain('Masters');
    wide.unmount();
    const narrow = renderApp({ session: crashedSession(), cols: 120, rows: 36 });
    expect(narrow.frame()).not.toMatch(/ Timeline \d\d:\d\d/);
    narrow.unmount();
  });
});

describe('the too-small screen', () => {
  it('ignores every key but q: j c Enter 1 typed there change nothing', async () => {
    const session = bootedSession();
    let quits = 0;
    const r = renderApp({ session, cols: 50, rows: 12, onQuit: () => quits++ });
    expect(r.frame()).toContain('Terminal too small');
    for (const k of ['j', 'c', KEY.enter, '1', 'm', '2', 'x', 'T', 'e']) await press(r.stdin, k);
    r.rerender(<App autoTick={false} noColor session={session} cols={120} rows={36} onQuit={() => quits++} />);
    await waitFor(() => r.frame().includes('Masters'), 'the dashboard at a bigger size');
    const f = r.frame();
    expect(f).not.toContain('crashed');
    expect(f).not.toMatch(/Actions on|Cluster/);
    expect(quits).toBe(0);
    r.rerender(<App autoTick={false} noColor session={session} cols={50} rows={12} onQuit={() => quits++} />);
    await press(r.stdin, 'q');
    expect(quits).toBe(1);
    r.unmount();
  });
});

describe('menus', () => {
  it('every item of a long menu has a key, the list scrolls with "more", and a letter chooses', async () => {
    // Wide enough for the key hints to show the last action.
    const r = renderApp({ session: bootedSession(), cols: 200, rows: 40 });
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.frame().includes('Actions on master-1'), 'the node menu');
    expect(r.frame()).toMatch(/▼ \d+ more/);
    // The 10th item has the key a; choose it by its key without seeing it first.
    for (let i = 0; i < 9; i++) await press(r.stdin, KEY.down);
    await waitFor(() => /▶ a /.test(r.frame()), 'the 10th item, keyed a');
    expect(r.frame()).toMatch(/▲ \d+ more/);
    const label = /▶ a (.+?)\s*$/m.exec(r.frame())![1];
    await press(r.stdin, KEY.esc);
    await press(r.stdin, KEY.enter);
    await press(r.stdin, 'a');
    await waitFor(() => r.frame().includes(`last: ${label}`), `the 10th item (${label}) chosen by its key`);
    r.unmount();
  });

  it('the cluster menu does not offer removing the last master', async () => {
    const r = renderApp({ session: bootedSession(3, true, { masters: 1 }), cols: 120, rows: 36 });
    await press(r.stdin, 'm');
    await waitFor(() => r.frame().includes('Cluster'), 'the cluster menu');
    expect(r.frame()).not.toMatch(/remove the last master/);
    r.unmount();
  });

  it('3 → 2 stacked masters asks first, saying etcd will have 2 members and tolerate no failure; no keeps 3', async () => {
    const r = renderApp({ session: bootedSession(), cols: 120, rows: 36 });
    await press(r.stdin, 'm');
    await waitFor(() => r.frame().includes('remove the last master'), 'the cluster menu');
    const key = /(\S) remove the last master/.exec(r.frame())![1];
    await press(r.stdin, key);
    await waitFor(() => r.frame().includes('tolerate no failure'), 'the confirm');
    expect(r.frame()).toMatch(/etcd will have 2 members and tolerate no failure/);
    await press(r.stdin, '1');
    await waitFor(() => !r.frame().includes('tolerate no failure'), 'the confirm to close');
    expect(r.frame()).toContain('master-3');
    await press(r.stdin, 'm');
    await press(r.stdin, key);
    await press(r.stdin, '2');
    await waitFor(() => r.frame().includes('master-3 was removed'), 'master-3 removed');
    r.unmount();
  });
});
