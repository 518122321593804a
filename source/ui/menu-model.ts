// Menus as a pure model: every item has a key (1-9, then letters), a long menu scrolls with the
// highlighted item always in view and says how many items are above and below it.
import { type Line, seg } from './lines.js';

/** Item keys in order: 1-9, then a-z without j and k (they move the highlight). */
export const ITEM_KEYS = [...'123456789abcdefghilmnopqrstuvwxyz'];

/** At most this many items show at once; longer menus scroll. */
export const MENU_VISIBLE_MAX = 9;

/** The key that chooses item `i`, or null past the last key. */
export function itemKey(i: number): string | null {
  return ITEM_KEYS[i] ?? null;
}

/** The item a typed key chooses in a menu of `n` items, or null. */
export function itemForKey(input: string, n: number): number | null {
  const i = ITEM_KEYS.indexOf(input);
  return i >= 0 && i < n ? i : null;
}

/** ↑ (−1) / ↓ (+1), wrapping around. */
export function moveHighlight(index: number, delta: number, n: number): number {
  return n === 0 ? 0 : (((index + delta) % n) + n) % n;
}

export interface MenuWindow {
  /** First visible item. */
  offset: number;
  /** How many items show. */
  visible: number;
  above: number;
  below: number;
}

/**
 * Which items show when `rows` lines are available for the list (indicator lines included): all
 * of them when they fit, else a window that keeps `index` in view, with a line above and below
 * for the "▲ n more" / "▼ n more" indicators.
 */
export function menuWindow(n: number, index: number, rows: number, maxVisible = MENU_VISIBLE_MAX): MenuWindow {
  const fitAll = Math.min(rows, maxVisible);
  if (n <= fitAll) return { offset: 0, visible: n, above: 0, below: 0 };
  const visible = Math.max(1, Math.min(maxVisible, rows - 2));
  const offset = Math.min(n - visible, Math.max(0, index - Math.floor(visible / 2)));
  return { offset, visible, above: offset, below: n - offset - visible };
}

export interface MenuModel {
  title: string;
  labels: string[];
  index: number;
}

/**
 * The menu as lines: the title with the keys that work, then the items ("3 crash master-2", the
 * highlighted one marked ▶ and inverse), with the scroll indicators when it scrolls. At most
 * `rows` lines (the caller cuts them to its width).
 */
export function menuLines(m: MenuModel, rows: number): Line[] {
  const n = m.labels.length;
  const lastKey = itemKey(Math.min(n, ITEM_KEYS.length) - 1);
  const keys = n ? `1${lastKey && lastKey !== '1' ? `-${lastKey}` : ''} choose · ` : '';
  const out: Line[] = [[seg(` ${m.title}`, 'accent', { bold: true }), seg(`  (↑↓ move · ${keys}Enter · Esc close)`, 'plain', { dim: true })]];
  const w = menuWindow(n, m.index, rows - 1);
  if (w.above || w.below) out.push([seg(w.above ? `   ▲ ${w.above} more` : '', 'plain', { dim: true })]);
  for (let i = w.offset; i < w.offset + w.visible; i++) {
    const hl = i === m.index;
    const key = itemKey(i) ?? ' ';
    out.push([
      seg(hl ? ' ▶ ' : '   ', 'accent', { bold: true }),
      seg(key, 'accent', { bold: true }),
      seg(' '),
      seg(m.labels[i], hl ? 'accent' : 'plain', { inverse: hl }),
    ]);
  }
  if (w.above || w.below) out.push([seg(w.below ? `   ▼ ${w.below} more` : '', 'plain', { dim: true })]);
  return out.slice(0, Math.max(1, rows));
}
