// Turns whole frames (the lines Ink rendered) into terminal output for a cast: the first frame
// clears the screen, later ones rewrite only the rows that changed, each row addressed absolutely
// (CSI row;1 H, erase the line, then the text). No frame depends on where the cursor was left, no
// frame ever scrolls, and an unchanged frame writes nothing.

const ESC = '\u001b[';
export const HIDE_CURSOR = `${ESC}?25l`;
export const SHOW_CURSOR = `${ESC}?25h`;
const RESET = `${ESC}0m`;

export class ScreenEncoder {
  private prev: string[] | null = null;

  constructor(readonly cols: number, readonly rows: number) {}

  /** Splits Ink output into at most `rows` lines (extra lines are dropped, never scrolled). */
  static lines(output: string, rows: number): string[] {
    const lines = output.replace(/\r/g, '').split('\n');
    // Ink ends the frame without a trailing newline in debug mode; tolerate one anyway.
    while (lines.length > 0 && lines[lines.length - 1] === '' && lines.length > rows) lines.pop();
    return lines.slice(0, rows);
  }

  /** Terminal bytes that turn the previous frame into this one ('' when nothing changed). */
  frame(output: string): string {
    const next = ScreenEncoder.lines(output, this.rows);
    while (next.length < this.rows) next.push('');
    let out = '';
    if (this.prev === null) {
      out += `${HIDE_CURSOR}${ESC}H${ESC}2J`;
      for (let r = 0; r < this.rows; r++) if (next[r]) out += row(r, next[r]);
    } else {
      for (let r = 0; r < this.rows; r++) if (next[r] !== this.prev[r]) out += row(r, next[r]);
    }
    this.prev = next;
    return out;
  }

  /** Bytes that end the recording: cursor below the frame, shown again, colours reset. */
  finish(): string {
    return `${RESET}${ESC}${this.rows};1H${SHOW_CURSOR}`;
  }
}

function row(r: number, text: string): string {
  // Erase first (CSI 2K), then write: erasing after a full-width line would eat its last column.
  const styled = text.includes('\u001b[') ? text + RESET : text;
  return `${ESC}${r + 1};1H${ESC}2K${styled}`;
}
