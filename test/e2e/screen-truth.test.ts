// The screen tells the truth, in a real terminal (the built bundle in tmux) at 80x24, 120x36 and
// 200x60: after a crash with no LB retries the headline says DEGRADED; the crash event's full
// text and cause are reachable (e, ↓, Enter); the key hints stay on the last row but one while
// events arrive; T opens the timeline with the crash marker and the lanes; the too-small screen
// ignores keys.
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../cli/run-cli.js';
import { sleep, tmuxSession } from './tmux-helpers.js';

const t = tmuxSession(`kha-truth-${process.pid}`);
afterAll(() => t.kill());

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('the screen tells the truth in a real terminal', () => {
  for (const [cols, rows] of [[80, 24], [120, 36], [200, 60]] as const) {
    it(`at ${cols}x${rows}: DEGRADED after a crash, the event in full, a fixed footer row, the timeline`, async () => {
      t.start(cols, rows, `NODE_ENV=production node ${CLI} --seed 3 --retries 0; echo "EXITED rc=$?"; sleep 60`);
      await t.waitScreen((s) => s.includes('master-1') && /API (OK|DEGRADED|DOWN)|STARTING/.test(s), 'the dashboard');
      t.keys('c');
      const degraded = await t.waitScreen((s) => /^ . API DEGRADED/m.test(s), 'the headline to say DEGRADED');
      expect(degraded.split('\n')[1]).toMatch(/^ ▲ API DEGRADED · /);
      // The key hints: on the last row but one, now and after more events have arrived.
      const footerRow = (s: string) => s.split('\n').findIndex((l) => l.startsWith(' ? help'));
      expect(footerRow(t.screen())).toBe(rows - 2);
      await sleep(2500);
      expect(footerRow(t.screen())).toBe(rows - 2);
      // Pause, select the event log, move down to the crash, open it.
      t.keys('Space');
      await t.waitScreen((s) => s.includes('PAUSED'), 'the pause');
      t.keys('e');
      await t.waitScreen((s) => /▶\d\d:\d\d/.test(s), 'a selected event');
      for (let i = 0; i < 40 && !/▶\d\d:\d\d[^\n]*master-1 crashed/.test(t.screen()); i++) {
        t.keys('Down');
        await sleep(150);
      }
      expect(t.screen()).toMatch(/▶\d\d:\d\d[^\n]*master-1 crashed/);
      t.keys('Enter');
      const detail = await t.waitScreen((s) => s.includes('Esc closes'), 'the event in full');
      expect(squash(detail)).toMatch(/master-1 crashed \(power off, no goodbye\): its kube-apiserver, controller-manager, scheduler AND its stacked etcd member go with it\./);
      expect(detail).toContain('this is your action');
      t.keys('Escape');
      await sleep(200);
      t.keys('Escape');
      await t.waitScreen((s) => !s.includes('Esc closes') && s.includes('Events (newest first)'), 'the panes back');
      t.keys('T');
      const tl = await t.waitScreen((s) => s.includes('Failover timeline'), 'the timeline');
      expect(tl).toContain('crash master-1');
      expect(tl).toMatch(/^ +▼/m);
      for (const lane of ['API (clients)', 'etcd leader', 'LB → master-1', 'pods running']) expect(tl).toContain(lane);
      expect(footerRow(tl)).toBe(rows - 2);
      t.keys('q');
      await t.waitScreen((s) => s.includes('EXITED rc=0'), 'the program to exit');
    }, 90_000);
  }

  it('keys typed on the too-small screen do nothing: j c Enter 1 crash no node', async () => {
    t.start(50, 12, `NODE_ENV=production node ${CLI} --seed 3; echo "EXITED rc=$?"; sleep 60`);
    await t.waitScreen((s) => s.includes('Terminal too small'), 'the too-small screen');
    t.keys('j', 'c', 'Enter', '1', 'm', '2');
    await sleep(1000);
    t.resize(120, 36);
    const s = await t.waitScreen((x) => x.includes('Masters'), 'the dashboard after enlarging');
    expect(s).not.toContain('crashed');
    expect(s).not.toMatch(/Actions on|Cluster/);
    t.keys('q');
    await t.waitScreen((x) => x.includes('EXITED rc=0'), 'the program to exit');
  }, 60_000);
});
