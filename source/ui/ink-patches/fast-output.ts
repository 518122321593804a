// A drop-in for Ink's internal screen compositor (the Output class its renderer creates each frame).
//
// Ink's own compositor rebuilds every cell of the screen on every frame: it tokenizes each line's
// ANSI codes into one object per character, places them in a fresh grid and turns the grid back
// into strings. At 160x48 that is most of a frame's cost. Between two frames of the dashboard only
// a few rows change (the clock, a countdown, a bar), so this one composes a row only when the
// writes that land on it differ from those of the frame before, and reuses the string otherwise
// (comparing the writes costs less than building and hashing a key of the whole row); a row that
// changes is put together from the cached cells of each line written on it.
// A miss composes the row the same way Ink does, so the output is the same byte for byte
// (test/ui/fast-output.test.ts checks that against Ink's class on real dashboard frames).
//
// The bundled CLI is built with this module in place of Ink's (see README.md here). Under the
// tests, which run unbundled, installFastOutput gives Ink's class this compositor as its method.
import sliceAnsi from 'slice-ansi';
import { ansiCodesToString, diffAnsiCodes, styledCharsToString, type StyledChar } from '@alcalzone/ansi-tokenize';
import { styledCharsOf } from './styled-chars.js';
import { BoundedCache } from './bounded-cache.js';
import { lineWidth, widestLine } from './text-metrics.js';

export type OutputTransformer = (line: string, index: number) => string;
export interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: OutputTransformer[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

const pieceCache = new BoundedCache<Piece>(4096);
/** A text written again unchanged (a pane that did not change) is split once: the same lines, the same strings. */
const splitCache = new BoundedCache<string[]>(256);

const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

/** A line as cells (a wide character is followed by an empty cell) and its text after the first cell. */
interface Piece {
  cells: StyledChar[];
  inner: string;
}

function pieceOf(line: string): Piece {
  const cells: StyledChar[] = [];
  for (const ch of styledCharsOf(line)) {
    cells.push(ch);
    const w = Math.max(1, lineWidth(ch.value));
    for (let k = 1; k < w; k++) cells.push({ type: 'char', value: '', fullWidth: false, styles: ch.styles });
  }
  let inner = '';
  for (let i = 1; i < cells.length; i++) {
    const before = cells[i - 1].styles;
    const now = cells[i].styles;
    // Styles change only at a colour code; until then the same list is in force and needs no
    // codes (diffAnsiCodes of a list with itself is empty, but builds three Sets to say so).
    inner += (before === now ? '' : ansiCodesToString(diffAnsiCodes(before, now))) + cells[i].value;
  }
  return { cells, inner };
}

/** The general case, cell by cell as Ink's grid does it: later writes cover earlier ones. */
function composeRowByCells(width: number, xs: number[], pieces: Piece[]): string {
  const cells: StyledChar[] = new Array<StyledChar>(width).fill(BLANK);
  for (let i = 0; i < xs.length; i++) {
    const src = pieces[i].cells;
    for (let k = 0; k < src.length; k++) cells[xs[i] + k] = src[k];
  }
  return styledCharsToString(cells.filter((c) => c !== undefined)).trimEnd();
}

/** The styles to switch on before a cell, given the cell before it (or none). */
function stylesBefore(previous: StyledChar | null, cell: StyledChar): string {
  return ansiCodesToString(previous ? diffAnsiCodes(previous.styles, cell.styles) : cell.styles);
}

/**
 * Composes one row from the lines written onto it. When the lines sit side by side without
 * overlapping (every dashboard row), the row is the lines' cached texts joined by blanks, with
 * the style changes at each seam worked out as Ink's grid would; otherwise it goes cell by cell.
 */
function composeRow(width: number, xs: number[], lines: string[]): string {
  const pieces = lines.map((line) => pieceCache.get(line, pieceOf));
  const order = xs.map((_, i) => i).filter((i) => pieces[i].cells.length > 0).sort((a, b) => xs[a] - xs[b]);
  let end = 0;
  for (const i of order) {
    if (xs[i] < end || xs[i] > width || !Number.isInteger(xs[i])) return composeRowByCells(width, xs, pieces);
    end = xs[i] + pieces[i].cells.length;
  }
  let out = '';
  let last: StyledChar | null = null;
  let x = 0;
  const blanks = (to: number) => {
    if (x >= to) return;
    out += stylesBefore(last, BLANK) + ' '.repeat(to - x);
    last = BLANK;
    x = to;
  };
  for (const i of order) {
    blanks(xs[i]);
    const { cells, inner } = pieces[i];
    out += stylesBefore(last, cells[0]) + cells[0].value + inner;
    last = cells[cells.length - 1];
    x = xs[i] + cells.length;
  }
  blanks(width);
  if (last) out += ansiCodesToString(diffAnsiCodes((last as StyledChar).styles, []));
  return out.trimEnd();
}

/** The writes that landed on each row in the last frame composed, and the row they made. */
const lastRows: { width: number; xs: number[]; lines: string[]; out: string }[] = [];

function sameWrites(xsA: readonly number[], linesA: readonly string[], xsB: readonly number[], linesB: readonly string[]): boolean {
  if (xsA.length !== xsB.length) return false;
  for (let i = 0; i < xsA.length; i++) if (xsA[i] !== xsB[i] || linesA[i] !== linesB[i]) return false;
  return true;
}

/** The compositor: turns a frame's write/clip operations into the screen's text. */
export function composeOperations(width: number, height: number, operations: readonly Operation[]): { output: string; height: number } {
  const rowXs: number[][] = [];
  const rowLines: string[][] = [];
  for (let y = 0; y < height; y++) {
    rowXs.push([]);
    rowLines.push([]);
  }
  const clips: Clip[] = [];
  for (const op of operations) {
    if (op.type === 'clip') {
      clips.push(op.clip);
      continue;
    }
    if (op.type === 'unclip') {
      clips.pop();
      continue;
    }
    let { x, y } = op;
    let lines = splitCache.get(op.text, (t) => t.split('\n'));
    const clip = clips.at(-1);
    if (clip) {
      const horizontal = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const vertical = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (horizontal && (x + widestLine(op.text) < clip.x1! || x > clip.x2!)) continue;
      if (vertical && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
      if (horizontal) {
        const x1 = clip.x1!;
        const x2 = clip.x2!;
        lines = lines.map((line) => {
          const from = x < x1 ? x1 - x : 0;
          const w = lineWidth(line);
          const to = x + w > x2 ? x2 - x : w;
          return sliceAnsi(line, from, to);
        });
        if (x < x1) x = x1;
      }
      if (vertical) {
        const y1 = clip.y1!;
        const y2 = clip.y2!;
        const from = y < y1 ? y1 - y : 0;
        const to = y + lines.length > y2 ? y2 - y : lines.length;
        lines = lines.slice(from, to);
        if (y < y1) y = y1;
      }
    }
    let offsetY = 0;
    for (let index = 0; index < lines.length; index++) {
      const row = y + offsetY;
      // Like Ink: a line that falls outside the grid is dropped, and so are the ones after it.
      if (row < 0 || row >= height || !Number.isInteger(row)) continue;
      let line = lines[index];
      for (const transform of op.transformers) line = transform(line, index);
      rowXs[row].push(x);
      rowLines[row].push(line);
      offsetY++;
    }
  }
  const rows: string[] = [];
  for (let y = 0; y < height; y++) {
    const xs = rowXs[y];
    const lines = rowLines[y];
    if (xs.length === 0) {
      rows.push('');
      continue;
    }
    const last = lastRows[y];
    if (last && last.width === width && sameWrites(last.xs, last.lines, xs, lines)) {
      rows.push(last.out);
      continue;
    }
    const out = composeRow(width, xs, lines);
    lastRows[y] = { width, xs, lines, out };
    rows.push(out);
  }
  return { output: rows.join('\n'), height };
}

/** Same interface as Ink's Output; the bundled CLI uses it in place of Ink's. */
export default class Output {
  width: number;
  height: number;
  operations: Operation[] = [];
  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }
  write(x: number, y: number, text: string, options: { transformers: OutputTransformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }
  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }
  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }
  get(): { output: string; height: number } {
    return composeOperations(this.width, this.height, this.operations);
  }
}

interface InkOutputClass {
  prototype: { get(this: { width: number; height: number; operations: Operation[] }): { output: string; height: number } };
}

// Ink's own class, by the name the build and the test configuration map to Ink's module (never a
// path into the installed package). A variable, so the bundle does not pull Ink's module in.
const INK_OUTPUT = 'ink-upstream/output.js';

let installed: Promise<boolean> | null = null;

/**
 * Makes Ink compose frames with this module. In the bundled CLI this module already replaced
 * Ink's, so there is nothing to do. Unbundled, where `ink-upstream/` is mapped (the tests), Ink's
 * class gets this compositor as its method; elsewhere Ink keeps its own. Resolves to whether Ink
 * now uses it; any surprise leaves Ink as it was.
 */
export function installFastOutput(): Promise<boolean> {
  if (!/\/source\/ui\/ink-patches\/fast-output\.[jt]sx?$/.test(import.meta.url)) return Promise.resolve(true);
  installed ??= (async () => {
    try {
      const mod = (await import(/* @vite-ignore */ INK_OUTPUT)) as { default?: InkOutputClass };
      const proto = mod.default?.prototype;
      if (!proto || typeof proto.get !== 'function') return false;
      proto.get = function get() {
        return composeOperations(this.width, this.height, this.operations);
      };
      return true;
    } catch {
      return false;
    }
  })();
  return installed;
}
