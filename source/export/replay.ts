// Replays a cast's output through a terminal emulator (xterm.js, headless) and takes the screen
// after each moment something was written: the frames of the export, identical ones merged.
import xterm from '@xterm/headless';
import type { CastInput } from './cast-input.js';
import type { Run, Screen } from './screen-model.js';
import { sameScreen } from './screen-model.js';

type Terminal = InstanceType<typeof xterm.Terminal>;
type Cell = NonNullable<ReturnType<NonNullable<ReturnType<Terminal['buffer']['active']['getLine']>>['getCell']>>;

export interface Frame {
  /** Cast time (seconds) from which this screen shows. */
  t: number;
  screen: Screen;
}

function colour(mode: 'fg' | 'bg', cell: Cell): string {
  const isFg = mode === 'fg';
  if (isFg ? cell.isFgDefault() : cell.isBgDefault()) return mode;
  const v = isFg ? cell.getFgColor() : cell.getBgColor();
  if (isFg ? cell.isFgRGB() : cell.isBgRGB()) return `#${v.toString(16).padStart(6, '0')}`;
  return `p${v}`;
}

interface CellStyle {
  fg: string;
  bg: string;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

function styleOf(cell: Cell): CellStyle {
  let fg = colour('fg', cell);
  let bg = colour('bg', cell);
  // Inverse: the default background becomes the text colour and the default text colour the fill.
  if (cell.isInverse()) [fg, bg] = [bg, fg];
  return { fg, bg, bold: !!cell.isBold(), dim: !!cell.isDim(), italic: !!cell.isItalic(), underline: !!cell.isUnderline() };
}

const sameStyle = (a: CellStyle, b: CellStyle) =>
  a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline;

/** A blank that shows nothing (default background, no underline): left out at the end of a row. */
const invisible = (text: string, s: CellStyle) => text.trim() === '' && s.bg === 'bg' && !s.underline;

/** The screen as runs; a wide glyph gets a run of its own so it lands exactly on its two cells. */
export function snapshot(term: Terminal): Screen {
  const buf = term.buffer.active;
  const lines: Run[][] = [];
  const cell = buf.getNullCell();
  for (let y = 0; y < term.rows; y++) {
    const line = buf.getLine(buf.viewportY + y);
    const runs: Run[] = [];
    let cur: (Run & CellStyle) | null = null;
    for (let x = 0; line && x < term.cols; x++) {
      line.getCell(x, cell);
      const w = cell.getWidth();
      if (w === 0) continue; // the second half of a wide glyph
      const chars = cell.getChars() || ' ';
      const st = styleOf(cell);
      if (cur && w === 1 && cur.width === cur.text.length && sameStyle(cur, st)) {
        cur.text += chars;
        cur.width += 1;
      } else {
        cur = { col: x, width: w, text: chars, ...st };
        runs.push(cur);
      }
    }
    // Trailing blanks with nothing to show are not drawn.
    while (runs.length) {
      const last = runs[runs.length - 1];
      if (invisible(last.text, last)) runs.pop();
      else {
        const trimmed = last.bg === 'bg' && !last.underline ? last.text.replace(/ +$/, '') : last.text;
        last.width -= last.text.length - trimmed.length;
        last.text = trimmed;
        break;
      }
    }
    lines.push(runs.map((r) => ({ col: r.col, width: r.width, text: r.text, fg: r.fg, bg: r.bg, bold: r.bold, dim: r.dim, italic: r.italic, underline: r.underline })));
  }
  return { cols: term.cols, rows: term.rows, lines };
}

function write(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/**
 * Every distinct screen of the cast in order, each with the time it appears. Output written at
 * the same time (to the microsecond) makes one frame; a frame equal to the one before is merged.
 */
export async function replayFrames(cast: CastInput): Promise<Frame[]> {
  const term = new xterm.Terminal({ cols: cast.cols, rows: cast.rows, allowProposedApi: true, scrollback: 0 });
  const frames: Frame[] = [];
  try {
    // A resize applies before the output written at the same moment.
    let r = 0;
    for (let i = 0; i < cast.output.length; ) {
      const t = cast.output[i][0];
      while (r < cast.resizes.length && cast.resizes[r][0] <= t) {
        const [, cols, rows] = cast.resizes[r++];
        if (cols !== term.cols || rows !== term.rows) term.resize(Math.min(cols, 1000), Math.min(rows, 500));
      }
      let data = '';
      while (i < cast.output.length && cast.output[i][0] === t) data += cast.output[i++][1];
      await write(term, data);
      const screen = snapshot(term);
      const prev = frames[frames.length - 1];
      if (!prev || !sameScreen(prev.screen, screen)) frames.push({ t, screen });
    }
  } finally {
    term.dispose();
  }
  return frames;
}
