// The sweep's table: one row per grid point in grid order (sorted by what varies), per measure its median, a small box
// plot and its p99, the best value of each column marked, and a ★ on the best setting. Glyphs
// carry the meaning; colour (when on) only repeats it.
import { Chalk } from 'chalk';
import { isDuration, MEASURE_LABELS, type Measure } from './measures.js';
import type { Distribution } from './aggregate.js';
import type { PointReport } from './format-data.js';
import { boxPlot, BOX_WIDTH } from './box-plot.js';

export interface TableOptions {
  color: boolean;
  title: string;
  /**
   * The terminal's width: measures that do not fit beside the first ones go to further blocks
   * beneath, each with the rows' settings again, and the notes break into one line each. Unset
   * (output to a file or a pipe): one block, however wide.
   */
  width?: number;
}

/** "16.4s", "950ms", "2m05s"; counts as "1,234". */
export function formatValue(m: Measure, v: number): string {
  if (!isDuration(m)) return Math.round(v).toLocaleString('en-US');
  if (v < 1000) return `${Math.round(v)}ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(1)}s`;
  const s = Math.round(v / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Lower is better for every measure: by p50, then p99, then max. */
function better(a: Distribution, b: Distribution): number {
  return a.p50 - b.p50 || a.p99 - b.p99 || a.max - b.max;
}

/** Per measure, the points with the best value (all of them when tied); empty when every point is equal. */
export function bestPerMeasure(points: readonly PointReport[], measures: readonly Measure[]): Map<Measure, Set<number>> {
  const best = new Map<Measure, Set<number>>();
  for (const m of measures) {
    let b = 0;
    for (let i = 1; i < points.length; i++) if (better(points[i].summary.measures[m], points[b].summary.measures[m]) < 0) b = i;
    const tied = new Set(points.flatMap((p, i) => (better(p.summary.measures[m], points[b].summary.measures[m]) === 0 ? [i] : [])));
    best.set(m, tied.size < points.length ? tied : new Set());
  }
  return best;
}

/** The best setting: best in the most columns; ties go to fewer failing runs, then grid order. */
export function bestPoint(points: readonly PointReport[], measures: readonly Measure[]): number | null {
  if (points.length < 2) return null;
  const wins = points.map(() => 0);
  for (const b of bestPerMeasure(points, measures).values()) for (const i of b) wins[i]++;
  let best = 0;
  for (let i = 1; i < points.length; i++) {
    if (wins[i] > wins[best] || (wins[i] === wins[best] && points[i].summary.anyFailure < points[best].summary.anyFailure)) best = i;
  }
  return wins[best] > 0 ? best : null;
}

const pad = (s: string, w: number, right = false) => (right ? s.padStart(w) : s.padEnd(w));
const VALUE_W = 7;

/** A note in lines of at most `width` columns: indented by two, its continuation lines by four. */
function wrapNote(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    if (cur && [...cur].length + 1 + [...word].length > width) {
      out.push(cur);
      cur = `    ${word}`;
    } else cur = cur ? `${cur} ${word}` : `  ${word}`;
  }
  if (cur) out.push(cur);
  return out;
}

/** Measures in groups that each fit `room` columns (one measure per group at the least). */
function groupsThatFit(measures: readonly Measure[], colW: number, room: number): Measure[][] {
  const perBlock = Math.max(1, Math.floor(room / (colW + 2)));
  const groups: Measure[][] = [];
  for (let i = 0; i < measures.length; i += perBlock) groups.push(measures.slice(i, i + perBlock));
  return groups;
}

export function toTable(points: readonly PointReport[], knobs: readonly string[], measures: readonly Measure[], opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  if (points.length === 0) return `${opts.title}\n(no runs finished)\n`;
  const knobW = knobs.map((k, j) => Math.max(k.length, ...points.map((p) => p.vary[j][1].length)));
  const runsW = Math.max(4, ...points.map((p) => p.summary.runs.toLocaleString('en-US').length));
  const colW = VALUE_W + 1 + BOX_WIDTH + 1 + VALUE_W;
  const best = bestPerMeasure(points, measures);
  const star = bestPoint(points, measures);
  const scale = new Map(measures.map((m) => [m, Math.max(...points.map((p) => p.summary.measures[m].max))]));

  // Runs still not green when they ended: their measures are cut at the end of the run.
  const showOpen = points.some((p) => p.summary.notGreen > 0);
  const lead = (cells: string[]) => `  ${cells.join('  ')}`;
  // The settings columns (knobs, runs, fail, open) as blanks: the first heading row, and their width.
  const settingsBlank = [...knobW.map((w) => pad('', w)), pad('', runsW), pad('', 5), ...(showOpen ? [pad('', 5)] : [])];
  const groups = opts.width === undefined ? [[...measures]] : groupsThatFit(measures, colW, opts.width - lead(settingsBlank).length);
  const lines = [opts.title];
  for (const group of groups) {
    const head1 = lead([...settingsBlank, ...group.map((m) => pad(MEASURE_LABELS[m], colW))]);
    const head2 = lead([...knobs.map((k, j) => pad(k, knobW[j])), pad('runs', runsW, true), pad('fail', 5, true), ...(showOpen ? [pad('open', 5, true)] : []), ...group.map(() => `${pad('p50', VALUE_W, true)} ${pad('', BOX_WIDTH)} ${pad('p99', VALUE_W)}`)]);
    lines.push('', c.bold(head1.trimEnd()), c.bold(head2.trimEnd()));
    points.forEach((p, i) => {
      const s = p.summary;
      const fail = `${Math.round(s.anyFailure * 100)}%`;
      const cells = [
        ...knobs.map((_, j) => pad(p.vary[j][1], knobW[j])),
        pad(s.runs.toLocaleString('en-US'), runsW, true),
        s.anyFailure > 0 ? c.red(pad(fail, 5, true)) : pad(fail, 5, true),
        ...(showOpen ? [s.notGreen > 0 ? c.yellow(pad(`${Math.round(s.notGreen * 100)}%`, 5, true)) : pad('0%', 5, true)] : []),
        ...group.map((m) => {
          const d = s.measures[m];
          const isBest = best.get(m)!.has(i);
          const p50 = pad(formatValue(m, d.p50) + (isBest ? '*' : ' '), VALUE_W, true);
          return `${isBest ? c.green(p50) : p50} ${c.cyan(boxPlot(d, scale.get(m)!))} ${pad(formatValue(m, d.p99), VALUE_W)}`;
        }),
      ];
      const row = lead(cells).slice(2);
      lines.push(`${i === star ? c.yellow('★ ') : '  '}${row}`.trimEnd());
    });
  }
  const boxNote = 'box: ─ min to p99, █ p50 to p90, · up to max (each column from 0 to its largest max)';
  const keyNotes = [
    '* best in its column (lowest p50, then p99)',
    ...(star !== null ? ['★ best setting: lowest p50 in the most columns'] : []),
    'fail: runs where clients saw a failed request or the API down',
  ];
  const openNote = showOpen ? ['open: runs not green again when they ended (their measures stop at the end; a longer --duration shows the rest)'] : [];
  lines.push('');
  // One wide block: the keys share a line. In a terminal: a line each, wrapped to its width.
  const notes = opts.width === undefined ? [boxNote, keyNotes.join('; '), ...openNote] : [boxNote, ...keyNotes, ...openNote];
  for (const n of notes) lines.push(...wrapNote(n, opts.width ?? Infinity));
  return lines.join('\n') + '\n';
}
