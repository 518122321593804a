// The dashboard driven by keys, as a person uses it, checked on the frames it draws.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import chalk from 'chalk';
import { App } from '../../source/ui/app.js';
import { createSession } from '../../source/sim/session.js';
import { bootedSession, renderApp, waitFor, press, KEY, stripAnsi } from './helpers.js';
import { KEYMAP } from '../../source/ui/keymap.js';

function kcmHost(frame: string): string | null {
  const m = /controller-manager\s+★ (master-\d|\(none\))/.exec(frame);
  return m ? m[1] : null;
}

describe('dashboard', () => {
  it('shows the verdict and every pane', () => {
    const { frame, unmount } = renderApp({ session: bootedSession() });
    const f = frame();
    expect(f).toContain('API OK');
    expect(f).toMatch(/etcd leader master-\d · 3\/3 up/);
    expect(f).not.toContain('LOST');
    for (const t of ['Masters', 'Leases', 'Load balancer', 'etcd', 'Workloads', 'Events']) expect(f).toContain(t);
    unmount();
  });

  it('crash the KCM leader: the leases pane shows the old holder and a countdown, then a new holder ~20 s later', async () => {
    const r = renderApp({ session: bootedSession(3), rows: 45, autoTick: true, frameMs: 20 });
    const before = kcmHost(r.frame());
    expect(before).toMatch(/^master-\d$/);
    // Select the holder's master with ↓ / ↑ and crash it with c.
    for (let i = 0; i < 12 && !r.frame().includes(`▶ ${before}`); i++) await press(r.stdin, KEY.down);
    expect(r.frame()).toContain(`▶ ${before}`);
    await press(r.stdin, 'c');
    await waitFor(() => r.frame().includes('crashed'), 'the crash to show');
    // A few ticks later (.) the lease is still the old holder's, with a countdown.
    for (let i = 0; i < 5; i++) await press(r.stdin, '.');
    expect(kcmHost(r.frame())).toBe(before);
    expect(r.frame()).toMatch(/expires in \d+(\.\d)?s/);
    // Let the App's own timer run the clock at ×64 (+ six times, then resume) until a standby takes over.
    for (let i = 0; i < 6; i++) await press(r.stdin, '+');
    await press(r.stdin, ' ');
    await waitFor(() => kcmHost(r.frame()) !== before, 'a new KCM holder', 30_000);
    await press(r.stdin, ' ');
    expect(kcmHost(r.frame())).toMatch(/^master-\d$/);
    expect(r.frame()).toMatch(/transitions 1/);
    r.unmount();
  });

  it('pause freezes the frame; resume moves time again', async () => {
    const r = render(<App session={bootedSession(4, false)} autoTick frameMs={20} cols={120} rows={40} noColor />);
    const frame = () => stripAnsi(r.lastFrame() ?? '');
    const clock = () => /t (\d\d:\d\d\.\d)/.exec(frame())?.[1];
    await waitFor(() => clock() !== '00:05.0', 'time to move');
    await press(r.stdin, ' ');
    await waitFor(() => frame().includes('PAUSED'), 'PAUSED');
    const a = frame();
    await new Promise((res) => setTimeout(res, 200));
    expect(frame()).toBe(a);
    await press(r.stdin, ' ');
    const t1 = clock();
    await waitFor(() => clock() !== t1, 'time to move after resume');
    r.unmount();
  });

  it('? shows the help overlay listing every key; Esc closes it', async () => {
    const r = renderApp({ session: bootedSession(), rows: 40 });
    await press(r.stdin, '?');
    await waitFor(() => r.frame().includes('Keys'), 'help');
    for (const b of KEYMAP.filter((k) => k.help !== false)) expect(r.frame()).toContain(b.keys);
    // Keys that once worked without being listed.
    expect(r.frame()).toContain('Shift+Tab');
    expect(r.frame()).toContain('+ = - _');
    await press(r.stdin, KEY.esc);
    await waitFor(() => r.frame().includes('Masters'), 'the panes back');
    r.unmount();
  });

  it('Enter opens the action menu for the selection, Esc closes it, choosing applies the action', async () => {
    const r = renderApp({ session: bootedSession() });
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.frame().includes('Actions on master-1'), 'menu');
    expect(r.frame()).toContain('crash master-1');
    expect(r.frame()).toContain('kill controller-manager on master-1');
    await press(r.stdin, KEY.esc);
    await waitFor(() => !r.frame().includes('Actions on master-1'), 'menu closed');
    await press(r.stdin, KEY.enter);
    await waitFor(() => r.frame().includes('Actions on master-1'), 'menu again');
    await press(r.stdin, KEY.enter); // first item: crash
    await waitFor(() => /master-1\s+✖ crashed/.test(r.frame()), 'master-1 crashed');
    r.unmount();
  });

  it('keys that arrive in one read act in order (a paste, a keystroke script, a fast typist)', async () => {
    const r = renderApp({ session: bootedSession() });
    await waitFor(() => r.frame().includes('master-1'), 'first frame');
    // j selects master-2, : opens its menu, ↓ moves to its second item (stop), Enter chooses it
    r.stdin.write(`j:${KEY.down}${KEY.enter}`);
    await waitFor(() => /master-2\s+■ stopped|master-2\s+\S+ stopped/.test(r.frame()), 'master-2 stopped');
    expect(r.frame()).toMatch(/master-1\s+● up/);
    // a menu opened and answered by number in the same read; digits never leak to the dashboard
    r.stdin.write('m2');
    await waitFor(() => /master-4/.test(r.frame()), 'second cluster item (add a master) applied');
    expect(r.frame()).not.toContain('Cluster  (Enter');
    r.unmount();
  });

  it('[ rewinds through history while paused and says so', async () => {
    const { stepTicks } = await import('../../source/sim/session.js');
    const s = stepTicks(bootedSession(5), 200);
    const r = renderApp({ session: s });
    const t0 = /t (\d\d:\d\d\.\d)/.exec(r.frame())?.[1];
    await press(r.stdin, '[');
    await waitFor(() => r.frame().includes('REWOUND'), 'REWOUND');
    expect(/t (\d\d:\d\d\.\d)/.exec(r.frame())?.[1]).not.toBe(t0);
    r.unmount();
  });

  it('t switches the etcd topology', async () => {
    const r = renderApp({ session: bootedSession() });
    await press(r.stdin, 't');
    await waitFor(() => r.frame().includes('external etcd'), 'external');
    expect(r.frame()).toContain('etcd-1');
    r.unmount();
  });

  for (const [cols, rows] of [[80, 24], [60, 15], [100, 30], [200, 60], [120, 20]] as const) {
    it(`fits ${cols}x${rows}: at most rows - 1 lines, none wider than the terminal`, async () => {
      const r = renderApp({ session: bootedSession(6), cols, rows });
      for (const key of ['', '\t', '\t', '?', KEY.esc, KEY.enter, KEY.esc, 'm']) {
        if (key) await press(r.stdin, key);
        const lines = r.frame().split('\n');
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const l of lines) expect([...l].length).toBeLessThanOrEqual(cols);
      }
      r.unmount();
    });
  }

  it('below 60x15 it asks for a bigger terminal', () => {
    const r = renderApp({ session: bootedSession(), cols: 50, rows: 12 });
    expect(r.frame()).toMatch(/Terminal too small.*60×15/);
    r.unmount();
  });

  it('compact layout: Tab cycles panes', async () => {
    const r = renderApp({ session: bootedSession(), cols: 80, rows: 24 });
    expect(r.frame()).toContain('Masters  (Tab: next pane 1/6)');
    await press(r.stdin, KEY.tab);
    await waitFor(() => r.frame().includes('Leases  (Tab: next pane 2/6)'), 'leases pane');
    r.unmount();
  });

  it('every master stays on screen when the full masters pane does not fit: one line each, leaders starred', async () => {
    // 80x24, 3 masters: the one-pane layout keeps room for the event log
    const small = renderApp({ session: bootedSession(), cols: 80, rows: 24 });
    const f = small.frame();
    for (const m of ['master-1', 'master-2', 'master-3']) expect(f).toMatch(new RegExp(`${m}\\s+● up\\s+api ●`));
    // who leads each lease depends on the seed (maybe two different masters)
    expect(f).toMatch(/kcm ●★/);
    expect(f).toMatch(/sch ●★/);
    expect(f).toContain('★ leads');
    expect(f).toContain('Events (newest first)');
    small.unmount();
    // 160x40, 7 masters: all seven, and the etcd pane under them
    const big = renderApp({ session: bootedSession(3, true, { masters: 7 }), cols: 160, rows: 40 });
    const g = big.frame();
    for (let i = 1; i <= 7; i++) expect(g).toMatch(new RegExp(`master-${i}\\s+● up\\s+api`));
    expect(g).toMatch(/etcd ─+/);
    expect(g).toMatch(/7 of 7 up, 4 needed/);
    big.unmount();
    // room enough: the full form, a line per component
    const wide = renderApp({ session: bootedSession(), cols: 160, rows: 48 });
    expect(wide.frame()).toMatch(/ctrl-mgr\s+● running\s+★ LEADER/);
    wide.unmount();
  });

  it('NO_COLOR: no colour escape codes, even where the terminal has colours', () => {
    const saved = chalk.level;
    chalk.level = 3; // vitest's is 0, which would hide colours whatever noColor does
    try {
      const colour = /\u001b\[(3[0-9]|9[0-7]|38;)/;
      const r = render(<App session={bootedSession()} autoTick={false} cols={120} rows={40} noColor />);
      expect(r.lastFrame()).not.toMatch(colour);
      r.unmount();
      const c = render(<App session={bootedSession()} autoTick={false} cols={120} rows={40} noColor={false} />);
      expect(c.lastFrame()).toMatch(colour);
      expect(stripAnsi(c.lastFrame() ?? '')).toContain('API OK');
      c.unmount();
    } finally {
      chalk.level = saved;
    }
  });

  it('keys at odd moments do not crash it (menus open, paused, rewound)', async () => {
    const r = renderApp({ session: createSession(bootedSession().state, { paused: true }) });
    const keys = ['m', KEY.down, KEY.down, KEY.esc, '[', '[', 'c', ']', ']', ']', ':', 'j', 'k', '1', KEY.esc, '+', '+', '-', '.', 'l', KEY.esc, 'x', 'p', 'p', 's', 'r'];
    for (const k of keys) await press(r.stdin, k);
    // Still whole and still listening: ×1 doubled twice and halved once, panes back, keys act.
    expect(r.frame()).toMatch(/API (OK|DEGRADED|DOWN)|STARTING/);
    expect(r.frame()).toMatch(/×2 /);
    expect(r.frame()).toContain('Masters');
    await press(r.stdin, '?');
    await waitFor(() => r.frame().includes('Keys'), 'the help after all that');
    r.unmount();
  });
});

describe('compact layout follows the selection', () => {
  it('selecting a worker shows the workloads pane with it marked', async () => {
    const r = renderApp({ session: bootedSession(), cols: 80, rows: 24 });
    // master-1 is selected; nodes are lb-1, master-1..3, worker-1..3: three steps down is worker-1.
    for (let i = 0; i < 3; i++) await press(r.stdin, KEY.down);
    await waitFor(() => r.frame().includes('Workloads  (Tab: next pane 5/6)'), 'the workloads pane');
    expect(r.frame()).toContain('▶ worker-1');
    await press(r.stdin, 'c');
    await waitFor(() => /worker-1\s+✖ crashed/.test(r.frame()), 'worker-1 crashed');
    r.unmount();
  });
});
