// Panes are built as lines of styled segments, so the layout can count rows and columns exactly
// (the frame must stay within the terminal: at most rows - 1 lines, never wider than cols).

export type Tone = 'ok' | 'warn' | 'bad' | 'off' | 'info' | 'accent' | 'plain';

export interface Seg {
  t: string;
  tone?: Tone;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type Line = Seg[];

export const seg = (t: string, tone: Tone = 'plain', extra: Omit<Seg, 't' | 'tone'> = {}): Seg => ({ t, tone, ...extra });

/** Code points in a string (a character of the dashboard's own text is one column wide). */
export function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

export function lineWidth(l: Line): number {
  let n = 0;
  for (const s of l) n += charCount(s.t);
  return n;
}

/** Cuts a line to `width` columns, ending with … when something was cut. */
export function clip(l: Line, width: number): Line {
  if (width <= 0) return [];
  if (lineWidth(l) <= width) return l;
  const out: Line = [];
  let left = width - 1;
  for (const s of l) {
    const chars = [...s.t];
    if (chars.length <= left) {
      out.push(s);
      left -= chars.length;
    } else {
      if (left > 0) out.push({ ...s, t: chars.slice(0, left).join('') });
      break;
    }
  }
  out.push(seg('…', 'plain', { dim: true }));
  return out;
}

/**
 * Lays out segments that are each a unit (a figure with its words) on as many lines as the width
 * needs, breaking only between units; a continuation line starts with `indent`. A unit wider than
 * a line is clipped (with its mark) by the view as usual.
 */
export function flow(units: Line, width: number, indent = '    '): Line[] {
  const out: Line[] = [];
  let cur: Line = [];
  let used = 0;
  for (const u of units) {
    const w = charCount(u.t);
    if (w === 0) continue;
    if (cur.length > 0 && used + w > width) {
      out.push(cur);
      const t = u.t.replace(/^ · /, '');
      cur = [seg(indent), { ...u, t }];
      used = charCount(indent) + charCount(t);
      continue;
    }
    cur.push(u);
    used += w;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function pad(text: string, width: number): string {
  const n = charCount(text);
  return n >= width ? [...text].slice(0, width).join('') : text + ' '.repeat(width - n);
}

export function padStart(text: string, width: number): string {
  const n = charCount(text);
  return n >= width ? text : ' '.repeat(width - n) + text;
}

/** Word-wraps plain text to `width` columns. */
export function wrap(text: string, width: number): string[] {
  // Panes wrap the same texts (events, lease notes) every frame: each text is wrapped once per width.
  const key = `${width}\u0000${text}`;
  let lines = wrapped.get(key);
  if (!lines) {
    lines = wrapWords(text, width);
    if (wrapped.size >= WRAP_CACHE_LIMIT) wrapped.clear();
    wrapped.set(key, lines);
  }
  return lines.slice();
}

const WRAP_CACHE_LIMIT = 2048;
const wrapped = new Map<string, string[]>();

function wrapWords(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (cur && [...cur].length + 1 + [...word].length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
    while ([...cur].length > width) {
      out.push([...cur].slice(0, width).join(''));
      cur = [...cur].slice(width).join('');
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** mm:ss.t of simulated milliseconds. */
export function clock(ms: number): string {
  const t = Math.max(0, ms);
  const m = Math.floor(t / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const d = Math.floor((t % 1000) / 100);
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${d}`;
}

/** "4.2s" / "12s" / "3m05s" */
export function secs(ms: number): string {
  const s = ms / 1000;
  if (Math.abs(s) < 10) return `${s.toFixed(1)}s`;
  if (Math.abs(s) < 120) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
}

/** A horizontal bar of `width` cells filled to `fraction`. */
export function bar(fraction: number, width: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  const full = Math.round(f * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

const SPARK = '▁▂▃▄▅▆▇█';
/** A sparkline of the last `width` values (0 shows as the lowest bar, or a space if all are 0). */
export function sparkline(values: number[], width: number): string {
  const v = values.slice(-width);
  const max = Math.max(0, ...v);
  const s = v.map((x) => (max === 0 ? '▁' : SPARK[Math.min(7, Math.floor((x / max) * 7.999))]));
  return ' '.repeat(Math.max(0, width - s.length)) + s.join('');
}
