// The terminal writer that rewrites only changed lines: replayed in a small terminal model, the
// screen must show exactly the last frame, from the row where the first frame started, after any
// sequence of frames (taller, shorter, unchanged lines, styled lines, cursor moves, clear).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import logUpdate from '../../source/ui/ink-patches/line-diff-log.js';

/** Enough of a VT100 for what a frame writer emits: text, CR, LF, CSI A/B/C/E/G/J/K, SGR. */
class Terminal {
  grid: string[][];
  row: number;
  col = 0;
  cursorVisible = true;
  constructor(public cols: number, public rows: number, startRow = 0) {
    this.grid = Array.from({ length: rows }, () => Array<string>(cols).fill(' '));
    this.row = startRow;
  }
  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i];
      if (ch === '\u001b' && data[i + 1] === '[') {
        const m = /^\u001b\[([?\d;]*)([A-Za-z])/.exec(data.slice(i));
        if (!m) throw new Error(`unexpected escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        this.csi(m[1], m[2]);
        i += m[0].length - 1;
      } else if (ch === '\r') this.col = 0;
      else if (ch === '\n') this.lineFeed();
      else {
        if (this.col >= this.cols) continue; // frames never wrap; a test line is never wider
        this.grid[this.row][this.col++] = ch;
      }
    }
  }
  private lineFeed(): void {
    this.col = 0; // the tty turns \n into \r\n (ONLCR stays on in raw mode)
    if (this.row === this.rows - 1) {
      this.grid.shift();
      this.grid.push(Array<string>(this.cols).fill(' '));
    } else this.row++;
  }
  private csi(params: string, final: string): void {
    const n = Math.max(1, Number(params) || 1);
    if (params === '?25') return void (this.cursorVisible = final === 'h');
    switch (final) {
      case 'm': return;
      case 'A': this.row = Math.max(0, this.row - n); return;
      case 'B': this.row = Math.min(this.rows - 1, this.row + n); return;
      case 'C': this.col = Math.min(this.cols - 1, this.col + n); return;
      case 'E': this.row = Math.min(this.rows - 1, this.row + n); this.col = 0; return;
      case 'G': this.col = Math.min(this.cols - 1, n - 1); return;
      case 'K': for (let c = this.col; c < this.cols; c++) this.grid[this.row][c] = ' '; return;
      case 'J':
        for (let c = this.col; c < this.cols; c++) this.grid[this.row][c] = ' ';
        for (let r = this.row + 1; r < this.rows; r++) this.grid[r].fill(' ');
        return;
      default: throw new Error(`unexpected CSI ${params}${final}`);
    }
  }
  text(): string[] {
    return this.grid.map((r) => r.join('').trimEnd());
  }
}

const COLS = 30;
const ROWS = 12;
const strip = (s: string) => s.replace(/\u001b\[[\d;]*m/g, '');
const expected = (frame: string, start: number): string[] => {
  const lines = frame.split('\n');
  if (frame.endsWith('\n')) lines.pop();
  const screen = Array<string>(ROWS).fill('');
  lines.forEach((l, i) => (screen[start + i] = strip(l).trimEnd()));
  return screen;
};

const word = fc.constantFrom('master-1', '● up', '✖ crashed', 'lease 15s', '', '  ', 'etcd ★', '\u001b[32mok\u001b[39m', '\u001b[1m\u001b[31mFAIL\u001b[39m\u001b[22m');
const line = fc.array(word, { maxLength: 3 }).map((ws) => ws.join(' '));
// Frames of 1..ROWS-1-start lines, each ending with a newline, as Ink writes them (an empty
// output is written as one empty line).
const frames = (start: number) => fc.array(fc.array(line, { minLength: 1, maxLength: ROWS - 1 - start }).map((ls) => ls.map((l) => `${l}\n`).join('')), { minLength: 1, maxLength: 12 });

describe('line-diff terminal writer', () => {
  it('leaves exactly the last frame on screen, whatever came before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }).chain((start) => fc.tuple(fc.constant(start), frames(start))), ([start, seq]) => {
        const term = new Terminal(COLS, ROWS, start);
        // what was on screen before the dashboard started
        for (let r = 0; r < ROWS; r++) term.grid[r].fill('#');
        const log = logUpdate.create({ write: (s: string) => term.write(s), isTTY: true });
        for (const f of seq) {
          log(f);
          const want = expected(f, start);
          // rows above the frame are untouched; the frame and everything below it are exactly the frame
          expect(term.text().slice(start)).toEqual(want.slice(start));
        }
        expect(term.cursorVisible).toBe(false);
        log.clear();
        expect(term.text().slice(start).every((l) => l === '')).toBe(true);
        log.done();
        expect(term.cursorVisible).toBe(true);
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  it('writes only the lines that changed', () => {
    const writes: string[] = [];
    const log = logUpdate.create({ write: (s: string) => writes.push(s), isTTY: false });
    const frame = (clock: string) => ['header', `t ${clock}`, 'master-1 ● up', 'master-2 ● up', 'footer'].join('\n') + '\n';
    log(frame('00:01.0'));
    log(frame('00:01.1'));
    const second = writes.at(-1)!;
    expect(second).toContain('t 00:01.1');
    expect(second).not.toContain('master-1');
    expect(second).not.toContain('header');
    expect(log(frame('00:01.1'))).toBe(false); // nothing changed: nothing written
  });

  it('moves the cursor where it is asked and back before the next frame', () => {
    const term = new Terminal(COLS, ROWS);
    const log = logUpdate.create({ write: (s: string) => term.write(s), isTTY: true });
    log('one\ntwo\nthree\n');
    log.setCursorPosition({ x: 2, y: 1 });
    log('one\ntwo\nthree\n');
    expect([term.row, term.col, term.cursorVisible]).toEqual([1, 2, true]);
    log('one\nTWO\nthree\nfour\n');
    expect(term.text().slice(0, 5)).toEqual(['one', 'TWO', 'three', 'four', '']);
    expect(term.cursorVisible).toBe(false);
  });
});
