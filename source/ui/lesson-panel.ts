// The lesson panel above a recorded frame: the narration, or a prediction question as the room
// sees it (the question and its choices, then the right answer marked with the explanation).
// Pure: plain lines of styled segments, exactly `rows` of them, none wider than `cols`.
import { seg, wrap, type Line } from './lines.js';

export interface Ask {
  text: string;
  choices: string[];
  /** The right choice (0-based), when known. */
  answer: number | null;
  explain: string | null;
}

/** ask: the clock is held while the room thinks; watch: the fault plays out; answer: revealed. */
export type PanelPhase = 'ask' | 'watch' | 'answer';

export type LessonPanel =
  | { kind: 'say'; text: string | null; holdS: number }
  | { kind: 'question'; ask: Ask; phase: PanelPhase; narration: string | null; holdS: number };

const clip = (text: string, cols: number) => ([...text].length <= cols ? text : [...text].slice(0, Math.max(0, cols - 1)).join('') + '…');

/** Wraps into at most `rows` lines, the last one ending in "…" when text is left over. */
function wrapInto(text: string, cols: number, rows: number): string[] {
  const lines = wrap(text, cols);
  if (lines.length <= rows) return lines;
  const out = lines.slice(0, rows);
  if (rows > 0) out[rows - 1] = clip(`${out[rows - 1]} …`, cols).replace(/ …$/, '…');
  return out;
}

/** "⏸ 4 s": the clock is held this many more seconds (the simulation does not move meanwhile). */
const hold = (s: number) => (s > 0 ? `   ⏸ ${s} s` : '');

export function lessonPanelLines(p: LessonPanel, cols: number, rows: number): Line[] {
  const out: Line[] = [];
  if (p.kind === 'say') {
    for (const l of p.text ? wrapInto(`▶ ${p.text}`, cols, rows) : []) out.push([seg(l, 'info', { bold: true })]);
  } else {
    const { ask, phase } = p;
    const head = phase === 'answer' ? `? ${ask.text}` : `? Predict: ${ask.text}${phase === 'watch' ? '   (watch…)' : ''}`;
    out.push([seg(clip(`${head}${hold(p.holdS)}`, cols), 'accent', { bold: true })]);
    ask.choices.forEach((c, i) => {
      if (out.length >= rows) return;
      const right = phase === 'answer' && i === ask.answer;
      const mark = phase !== 'answer' ? ' ' : right ? '✔' : '·';
      out.push([seg(clip(` ${mark} ${i + 1}  ${c}`, cols), right ? 'ok' : 'plain', { bold: right, dim: phase === 'answer' && !right })]);
    });
    const why = phase === 'answer' ? ask.explain ?? p.narration : null;
    if (why) for (const l of wrapInto(why, cols, rows - out.length)) out.push([seg(l, 'info')]);
  }
  while (out.length < rows) out.push([seg('')]);
  return out.slice(0, rows);
}
