// Writes Ink's frames to the terminal, rewriting only the lines that changed.
//
// Ink's standard writer erases the whole previous frame and writes the new one in full: at 160x48
// that is ~6 KB per frame, ten times a second, and the terminal repaints every line (visible
// flicker over SSH). Its incremental writer (Ink 6.8) moves the cursor one line short of the top
// when the frame ends with a newline, so frames creep down the screen. This one moves to the
// frame's first line, skips unchanged lines, rewrites changed ones and clears what a shorter frame
// left below. Same interface as Ink's log-update module; the bundled CLI uses it in its place
// (see README.md here). test/ui/line-diff-log.test.ts replays its output in a small terminal model.
import cliCursor from 'cli-cursor';

const CSI = '\u001b[';
const SHOW_CURSOR = `${CSI}?25h`;
const HIDE_CURSOR = `${CSI}?25l`;
const ERASE_LINE_END = `${CSI}K`;
const ERASE_DOWN = `${CSI}J`;
const NEXT_LINE = `${CSI}E`;
const up = (n: number) => (n > 0 ? `${CSI}${n}A` : '');
const down = (n: number) => (n > 0 ? `${CSI}${n}B` : '');
const column = (x: number) => `${CSI}${x + 1}G`;

export interface CursorPosition {
  x: number;
  y: number;
}

interface Stream {
  write(s: string): unknown;
  isTTY?: boolean;
}

/** Lines shown by a frame: a trailing newline ends the last line, it does not add one. */
function visibleLines(text: string): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

export interface LogUpdate {
  (text: string): boolean;
  clear(): void;
  done(): void;
  sync(text: string): void;
  setCursorPosition(position: CursorPosition | undefined): void;
  isCursorDirty(): boolean;
  willRender(text: string): boolean;
}

function createLineDiff(stream: Stream, { showCursor = false }: { showCursor?: boolean } = {}): LogUpdate {
  let previous = '';
  let previousLines: string[] = [];
  let hiddenCursor = false;
  // A cursor position asked for (Ink's useCursor), and where the cursor was shown after the last frame.
  let wanted: CursorPosition | undefined;
  let dirty = false;
  let shownAt: CursorPosition | undefined;

  const active = () => (dirty ? wanted : undefined);
  const moved = (a?: CursorPosition, b?: CursorPosition) => a?.x !== b?.x || a?.y !== b?.y;

  /** From wherever the cursor is to column 0 of the frame's first line. */
  const toTop = (): string => {
    if (previous === '') return '';
    if (shownAt) return HIDE_CURSOR + up(shownAt.y) + '\r';
    // After a frame the cursor sits under its last line, or at the end of it without a final newline.
    return up(previous.endsWith('\n') ? previousLines.length : previousLines.length - 1) + '\r';
  };

  /** From under the frame (or the end of its last line) to the asked cursor position, shown. */
  const cursorSuffix = (text: string, lines: string[], at?: CursorPosition): string => {
    if (!at) return '';
    const fromRow = text.endsWith('\n') ? lines.length : lines.length - 1;
    const rowMove = at.y - fromRow;
    return (rowMove < 0 ? up(-rowMove) : down(rowMove)) + column(at.x) + SHOW_CURSOR;
  };

  const render = ((text: string): boolean => {
    if (!showCursor && !hiddenCursor) {
      cliCursor.hide(stream as NodeJS.WriteStream);
      hiddenCursor = true;
    }
    const at = active();
    dirty = false;
    if (text === previous && !moved(at, shownAt)) return false;
    const lines = visibleLines(text);
    let out = toTop();
    if (text !== previous && !text.endsWith('\n')) {
      // A frame as tall as the terminal has no final newline; rare (the dashboard stays a line
      // shorter), so it is simply written in full.
      out += ERASE_DOWN + text;
    } else if (text !== previous) {
      for (let i = 0; i < lines.length; i++) {
        if (previous !== '' && i < previousLines.length && lines[i] === previousLines[i]) out += NEXT_LINE;
        else out += '\r' + lines[i] + ERASE_LINE_END + '\n';
      }
      // Whatever a taller frame (or the screen before the first frame) left below goes.
      if (lines.length < previousLines.length || previous === '') out += ERASE_DOWN;
    } else {
      // Only the cursor moved: go back under the frame.
      out += previous.endsWith('\n') ? down(lines.length) : down(lines.length - 1);
    }
    out += cursorSuffix(text, lines, at);
    stream.write(out);
    previous = text;
    previousLines = lines;
    shownAt = at ? { ...at } : undefined;
    return true;
  }) as LogUpdate;

  render.clear = () => {
    stream.write(toTop() + ERASE_DOWN);
    previous = '';
    previousLines = [];
    shownAt = undefined;
  };

  render.done = () => {
    previous = '';
    previousLines = [];
    shownAt = undefined;
    if (!showCursor) {
      cliCursor.show(stream as NodeJS.WriteStream);
      hiddenCursor = false;
    }
  };

  // The terminal already shows `text` (Ink wrote it itself): remember it as the last frame.
  render.sync = (text: string) => {
    const at = active();
    dirty = false;
    previous = text;
    previousLines = visibleLines(text);
    if (!at && shownAt) stream.write(HIDE_CURSOR);
    if (at) stream.write(cursorSuffix(text, previousLines, at));
    shownAt = at ? { ...at } : undefined;
  };

  render.setCursorPosition = (position) => {
    wanted = position;
    dirty = true;
  };
  render.isCursorDirty = () => dirty;
  render.willRender = (text) => text !== previous || moved(active(), shownAt);
  return render;
}

/** Same shape as Ink's log-update module: `create(stream, options)`. */
const logUpdate = {
  create: (stream: Stream, options: { showCursor?: boolean; incremental?: boolean } = {}): LogUpdate => createLineDiff(stream, options),
};
export default logUpdate;
