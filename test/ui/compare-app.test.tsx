// The live A/B comparison: one key acts on both clusters, the ledger difference of a fault appears
// once both have run past it, Tab switches whose panes are shown and the header says which.
import { beforeAll, describe, expect, it } from 'vitest';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { CompareApp } from '../../source/ui/compare/compare-app.js';
import { bootedSession, press, stripAnsi, KEY } from './helpers.js';

beforeAll(() => {
  chalk.level = 0;
});

function renderCompare(cols: number, rows: number) {
  const pair = { a: bootedSession(7), b: bootedSession(7, true, { topology: 'external' }) };
  const r = render(<CompareApp pair={pair} labelA="stacked" labelB="external" autoTick={false} cols={cols} rows={rows} noColor />);
  return { ...r, frame: () => stripAnsi(r.lastFrame() ?? '') };
}

describe('CompareApp', () => {
  it('one crash key acts on both clusters, and the ledger difference appears after it', async () => {
    const r = renderCompare(120, 40);
    expect(r.frame()).toMatch(/no faults yet/);
    await press(r.stdin, 'c');
    // Forty single-tick steps: each "." steps both clusters by one tick.
    await press(r.stdin, '.'.repeat(40));
    const f = r.frame();
    expect(f).toMatch(/t 00:09\.0/);
    const diff = f.split('\n').find((l) => l.includes('◆ crash master-1 at 00:05.0 →'));
    expect(diff, f).toBeDefined();
    // Both recorded it at the same time: a difference of B against A, not a fault one side lacks.
    expect(f).not.toMatch(/only (stacked|external) has a record/);
    expect(diff).toMatch(/→ external: [a-zA-Z ]+ \d+(\.\d s)? vs stacked \d/);
    // Stacked etcd loses the member on master-1; external etcd does not notice the crash.
    expect(f).toMatch(/external: (writes unavailable|etcd leaderless|API \w+) 0\.0 s vs stacked \d+\.\d s/);
    r.unmount();
  });

  it('Tab switches the side whose panes are shown and the header names it', async () => {
    const r = renderCompare(160, 48);
    expect(r.frame()).toMatch(/showing A stacked/);
    expect(r.frame()).toMatch(/A stacked: panes/);
    await press(r.stdin, KEY.tab);
    expect(r.frame()).toMatch(/showing B external/);
    expect(r.frame()).toMatch(/B external: panes/);
    // B's panes are B's cluster: its etcd members are etcd-N nodes.
    expect(r.frame()).toMatch(/etcd-1/);
    r.unmount();
  });

  it('at 80x24 shows both verdicts and both timelines, within the screen', async () => {
    const r = renderCompare(80, 24);
    const lines = r.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(lines.filter((l) => /^ (A stacked|B external) +[✔▲✖…] API/.test(l))).toHaveLength(2);
    // Both timelines: each named (in its title or at the start of its ▼ row), with lanes and an axis.
    expect(lines.filter((l) => /^ A stacked/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^ B external/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^ (API|writes|etcd|KCM|sched) +\S/.test(l)).length).toBeGreaterThanOrEqual(10);
    expect(lines.filter((l) => /^ time +\|00:00/.test(l))).toHaveLength(2);
    expect(r.frame()).not.toMatch(/: panes/);
    r.unmount();
  });
});

describe('the comparison help', () => {
  it('lists the keys as they work here: Tab switches the side, no lessons', async () => {
    const r = renderCompare(120, 40);
    await press(r.stdin, '?');
    const f = r.frame();
    expect(f).toMatch(/Tab Shift\+Tab +show the other cluster's panes \(A ⇄ B\)/);
    expect(f).not.toMatch(/lesson/);
    expect(f).toMatch(/c +crash it/);
    r.unmount();
  });
});

describe('an action that would undo the comparison', () => {
  it('t in a topology comparison is not applied to either cluster, and says why', async () => {
    const r = renderCompare(120, 40);
    await press(r.stdin, 't');
    const f = r.frame();
    expect(f).toMatch(/not applied: .*would make both clusters alike in topology/);
    expect(f).toMatch(/etcd leader master-\d/);
    expect(f).toMatch(/etcd leader etcd-\d/);
    r.unmount();
  });
});

describe('menus in a comparison', () => {
  it('a menu choice acts on both clusters', async () => {
    const r = renderCompare(120, 40);
    await press(r.stdin, KEY.enter);
    expect(r.frame()).toMatch(/Actions on master-1 .*applies to both/);
    await press(r.stdin, '2');
    await press(r.stdin, '.'.repeat(20));
    const f = r.frame();
    expect(f).toMatch(/last, on both: stop master-1 gracefully/);
    expect(f).toMatch(/◆ stop master-1 at 00:05\.0 →/);
    expect(f).not.toMatch(/only (stacked|external) has a record/);
    r.unmount();
  });
});

describe('the two timelines', () => {
  it('line up column for column, whatever the sides are called', async () => {
    const r = renderCompare(80, 24);
    const axes = r.frame().split('\n').filter((l) => /^ time +\|/.test(l));
    expect(axes).toHaveLength(2);
    expect(axes[0].indexOf('|')).toBe(axes[1].indexOf('|'));
    r.unmount();
  });
});
