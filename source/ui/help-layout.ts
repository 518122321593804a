// The help overlay laid out to fit: keys and what they do, in two columns when the terminal is
// wide enough, descriptions wrapped, and scrolling (with how much is left) when even that is too long.
import { type Line, seg, pad, wrap } from './lines.js';

export interface HelpPage {
  lines: Line[];
  /** First entry shown (after clamping), for the next scroll. */
  offset: number;
  /** Entries after the last one shown. */
  more: number;
}

/** Lines of one entry: the key, then its description wrapped beside it (under it, for a long key). */
function entryLines(key: string, what: string, keyW: number, colW: number): Line[] {
  const long = [...key].length > keyW;
  const lines: Line[] = long ? [[seg(`  ${key}`, 'accent', { bold: true })]] : [];
  wrap(what, Math.max(8, colW - keyW - 3)).forEach((l, i) => {
    lines.push([seg(i || long ? ' '.repeat(keyW + 2) : `  ${pad(key, keyW)}`, 'accent', { bold: true }), seg(` ${l}`)]);
  });
  return lines;
}

/** The key column: wide enough for most keys; a longer key gets a line of its own. */
const KEY_COLUMN_MAX = 10;

/** Lays out columns of entry blocks from `offset`; returns the columns and how many entries fit. */
function columns(blocks: Line[][], offset: number, ncols: number, height: number): { cols: Line[][]; fitted: number } {
  const cols: Line[][] = [];
  let i = offset;
  for (let c = 0; c < ncols; c++) {
    const col: Line[] = [];
    while (i < blocks.length && col.length + blocks[i].length <= height) col.push(...blocks[i++]);
    cols.push(col);
  }
  return { cols, fitted: i - offset };
}

/**
 * The help in at most `rows` lines of `width` columns: a title, then the entries in one or two
 * columns; when they do not all fit, the page from `offset` and a last line "▼ n more".
 */
export function helpPage(keys: readonly [string, string][], width: number, rows: number, offset = 0): HelpPage {
  const keyW = Math.min(KEY_COLUMN_MAX, Math.max(...keys.map(([k]) => [...k].length)));
  // Two columns when each leaves at least 20 columns for the words.
  const ncols = width >= 2 * (keyW + 23) + 1 ? 2 : 1;
  const colW = Math.floor((width - (ncols - 1)) / ncols);
  const blocks = keys.map(([k, d]) => entryLines(k, d, keyW, colW));
  const title = (extra: string): Line => [seg(' Keys', 'accent', { bold: true }), seg(`  ${extra}`, 'plain', { dim: true })];
  const all = columns(blocks, 0, ncols, rows - 1);
  let start = 0;
  let page = all;
  let more = 0;
  if (all.fitted < blocks.length) {
    start = Math.max(0, Math.min(offset, blocks.length - 1));
    page = columns(blocks, start, ncols, rows - 2);
    more = blocks.length - start - page.fitted;
  }
  const height = Math.max(...page.cols.map((c) => c.length));
  const lines: Line[] = [title(more || start ? '↑↓ scroll · Esc close' : 'Esc close')];
  for (let r = 0; r < height; r++) {
    const line: Line = [];
    page.cols.forEach((col, c) => {
      const cell = col[r] ?? [];
      const used = cell.reduce((n, sg) => n + [...sg.t].length, 0);
      line.push(...cell);
      if (c < page.cols.length - 1) line.push(seg(' '.repeat(Math.max(0, colW - used)) + ' '));
    });
    lines.push(line);
  }
  if (more || start) lines.push([seg(more ? `  ▼ ${more} more` : '  (end)', 'plain', { dim: true })]);
  return { lines: lines.slice(0, rows), offset: start, more };
}
