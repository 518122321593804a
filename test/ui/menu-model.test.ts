// Menus that scroll with indicators and a key for every item; a help overlay that fits 80x24.
import { describe, expect, it } from 'vitest';
import { ITEM_KEYS, itemForKey, itemKey, menuLines, menuWindow, moveHighlight } from '../../source/ui/menu-model.js';
import { helpPage } from '../../source/ui/help-layout.js';
import { KEYS } from '../../source/ui/keymap.js';
import { VIEW_KEYS } from '../../source/ui/view-keys.js';
import { lineWidth, type Line } from '../../source/ui/lines.js';
import { moveFault, zoomStep } from '../../source/ui/timeline/fault-selection.js';

const text = (l: Line) => l.map((s) => s.t).join('');

describe('menu keys', () => {
  it('1-9 then letters, never j or k (they move), each key once', () => {
    expect(ITEM_KEYS.slice(0, 9).join('')).toBe('123456789');
    expect(itemKey(9)).toBe('a');
    expect(ITEM_KEYS).not.toContain('j');
    expect(ITEM_KEYS).not.toContain('k');
    expect(new Set(ITEM_KEYS).size).toBe(ITEM_KEYS.length);
    expect(itemForKey('a', 14)).toBe(9);
    expect(itemForKey('e', 14)).toBe(13);
    expect(itemForKey('f', 14)).toBeNull();
    expect(itemForKey('0', 14)).toBeNull();
  });

  it('the highlight wraps around', () => {
    expect(moveHighlight(0, -1, 14)).toBe(13);
    expect(moveHighlight(13, 1, 14)).toBe(0);
  });
});

describe('a long menu', () => {
  const labels = Array.from({ length: 14 }, (_, i) => `item ${i + 1}`);

  it('shows at most nine items and says how many are above and below', () => {
    const w = menuWindow(14, 0, 20);
    expect(w).toEqual({ offset: 0, visible: 9, above: 0, below: 5 });
    const lines = menuLines({ title: 'Actions on master-1', labels, index: 12 }, 20).map(text);
    expect(lines[1]).toBe('   ▲ 5 more');
    expect(lines[lines.length - 1]).toBe('');
    expect(lines.some((l) => l.includes('▶ d item 13'))).toBe(true);
  });

  it('keeps the highlighted item in view wherever it is, within the rows given', () => {
    for (let index = 0; index < 14; index++) {
      for (const rows of [4, 6, 12]) {
        const w = menuWindow(14, index, rows);
        expect(index).toBeGreaterThanOrEqual(w.offset);
        expect(index).toBeLessThan(w.offset + w.visible);
        expect(w.visible + 2).toBeLessThanOrEqual(Math.max(rows, 3));
        expect(w.above + w.visible + w.below).toBe(14);
      }
    }
  });

  it('in the middle: both indicators', () => {
    const lines = menuLines({ title: 'Cluster', labels, index: 7 }, 12).map(text);
    expect(lines[1]).toMatch(/^ {3}▲ \d more$/);
    expect(lines[lines.length - 1]).toMatch(/^ {3}▼ \d more$/);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines[0]).toContain('1-e choose');
  });

  it('a short menu does not scroll', () => {
    const lines = menuLines({ title: 'Cluster', labels: labels.slice(0, 4), index: 0 }, 12).map(text);
    expect(lines).toHaveLength(5);
    expect(lines.join('\n')).not.toMatch(/more/);
    expect(lines[1]).toBe(' ▶ 1 item 1');
  });
});

describe('the help overlay', () => {
  // The views' keys are rows of the keymap (KEYS lists them once).
  const keys = KEYS;
  it('lists the views\' keys', () => {
    for (const [k] of VIEW_KEYS) expect(keys.map(([x]) => x)).toContain(k);
  });

  it('fits 80x24 (the frame\'s 23 rows less a status line) with every key shown, in two columns', () => {
    const page = helpPage(keys, 80, 20);
    expect(page.more).toBe(0);
    expect(page.lines.length).toBeLessThanOrEqual(22);
    for (const l of page.lines) expect(lineWidth(l)).toBeLessThanOrEqual(80);
    const all = page.lines.map(text).join('\n');
    for (const [k] of keys) expect(all).toContain(k);
  });

  it('scrolls when even two columns are too short, saying how much is left, and reaches the end', () => {
    let page = helpPage(keys, 80, 8);
    expect(page.lines.length).toBeLessThanOrEqual(8);
    expect(text(page.lines[page.lines.length - 1])).toMatch(/▼ \d+ more/);
    const seen = new Set<string>();
    for (let off = 0, guard = 0; guard < 40; guard++) {
      page = helpPage(keys, 80, 8, off);
      for (const l of page.lines) seen.add(text(l));
      if (page.more === 0) break;
      off = page.offset + 1;
    }
    expect(page.more).toBe(0);
    const all = [...seen].join('\n');
    for (const [k] of keys) expect(all).toContain(k);
  });

  it('one column when narrow', () => {
    const page = helpPage(keys, 60, 40);
    for (const l of page.lines) expect(lineWidth(l)).toBeLessThanOrEqual(60);
    expect(page.more).toBe(0);
  });
});

describe('timeline fault selection and zoom', () => {
  it('moves between faults, stopping at the ends; the newest is "null" so new faults are followed', () => {
    expect(moveFault(null, -1, 3)).toBe(1);
    expect(moveFault(1, -1, 3)).toBe(0);
    expect(moveFault(0, -1, 3)).toBe(0);
    expect(moveFault(1, 1, 3)).toBeNull();
    expect(moveFault(null, 1, 0)).toBeNull();
    expect(zoomStep(0, -1)).toBe(0);
    expect(zoomStep(0, 1)).toBe(1);
    expect(zoomStep(4, 1)).toBe(4);
  });
});
