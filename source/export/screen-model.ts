// What one terminal screen looks like, as plain data: rows of styled runs. Colours stay symbolic
// ("fg"/"bg" for the theme's defaults, "p0".."p255" for the palette, "#rrggbb" for truecolor) so
// one replay can be drawn in any theme. Inverse video is already applied (fg and bg swapped).

export interface Run {
  /** First column (0-based). */
  col: number;
  /** Columns the run covers (wide glyphs count 2). */
  width: number;
  text: string;
  fg: string;
  bg: string;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

export interface Screen {
  cols: number;
  rows: number;
  /** One entry per row: its runs, left to right, trailing default-styled blanks left out. */
  lines: Run[][];
}

/** A stable text key for a row (same look => same key), used to share rows between frames. */
export function rowKey(runs: Run[]): string {
  return JSON.stringify(runs);
}

/** The characters of a row as a person reads them, trailing blanks trimmed. */
export function rowText(runs: Run[]): string {
  let out = '';
  let col = 0;
  for (const r of runs) {
    if (r.col > col) out += ' '.repeat(r.col - col);
    out += r.text;
    col = r.col + r.width;
  }
  return out.replace(/\s+$/, '');
}

export function screenText(s: Screen): string[] {
  return s.lines.map(rowText);
}

export function sameScreen(a: Screen, b: Screen): boolean {
  if (a.cols !== b.cols || a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) if (rowKey(a.lines[i]) !== rowKey(b.lines[i])) return false;
  return true;
}
