// Draws frames as one self-contained SVG: text (crisp at any size, no fonts embedded or fetched),
// one definition per distinct row shared by every frame that shows it, and a CSS animation that
// moves a strip of frames past the window. No scripts. A still is one frame with its rows inline.
import type { Run, Screen } from './screen-model.js';
import { rowKey } from './screen-model.js';
import type { TimedFrame } from './timeline.js';
import { resolveColour, type Theme } from './themes.js';

/** Cell size in SVG units (font-size 20: 0.6 em wide, 1.2 em high). */
export const CELL_W = 12;
export const CELL_H = 24;
const FONT_SIZE = 20;
const BASELINE = 18;
const PAD = 12;
const BAR = 36;
const FONTS = `ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,Consolas,"Liberation Mono",monospace`;

export interface SvgOptions {
  theme: Theme;
  /** Drawn as a window bar above the terminal; null: no bar. */
  title: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Short stable names (a, b, …, z, aa, …) given in order of first use. */
class Names {
  private readonly map = new Map<string, string>();
  get size() {
    return this.map.size;
  }
  name(key: string): { id: string; fresh: boolean } {
    const had = this.map.get(key);
    if (had) return { id: had, fresh: false };
    const id = shortId(this.map.size);
    this.map.set(key, id);
    return { id, fresh: true };
  }
  entries() {
    return [...this.map.entries()];
  }
}

function shortId(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** Colour classes shared by text (fill) and cell backgrounds (rect fill). */
class Palette {
  readonly names = new Names();
  constructor(private readonly theme: Theme) {}
  cls(colour: string): string {
    return `c${this.names.name(resolveColour(this.theme, colour)).id}`;
  }
  css(): string {
    return this.names.entries().map(([hex, id]) => `.c${id}{fill:${hex}}`).join('');
  }
}

/** One row's markup: background rects, then the text runs. */
function rowMarkup(runs: Run[], pal: Palette): string {
  let rects = '';
  let spans = '';
  for (const r of runs) {
    const x = r.col * CELL_W;
    const w = r.width * CELL_W;
    if (r.bg !== 'bg') rects += `<rect x="${x}" width="${w}" height="${CELL_H}" class="${pal.cls(r.bg)}"/>`;
    if (r.text.trim() === '' && !r.underline) continue;
    const cls = [r.fg !== 'fg' ? pal.cls(r.fg) : '', r.bold ? 'b' : '', r.dim ? 'd' : '', r.italic ? 'i' : '', r.underline ? 'u' : ''].filter(Boolean).join(' ');
    // textLength pins each run to its cells whatever the font's advance (and for wide glyphs).
    spans += `<tspan x="${x}"${r.text.length > 1 || r.width > 1 ? ` textLength="${w}"` : ''}${cls ? ` class="${cls}"` : ''}>${esc(r.text)}</tspan>`;
  }
  return rects + (spans ? `<text y="${BASELINE}">${spans}</text>` : '');
}

interface Layout {
  width: number;
  height: number;
  termX: number;
  termY: number;
  termW: number;
  termH: number;
}

/** The picture's size: the largest terminal size any frame had (a cast may resize). */
function layout(screens: Screen[], title: string | null): Layout {
  const termW = Math.max(...screens.map((s) => s.cols)) * CELL_W;
  const termH = Math.max(...screens.map((s) => s.rows)) * CELL_H;
  const termY = (title !== null ? BAR : 0) + PAD;
  return { width: termW + 2 * PAD, height: termY + termH + PAD, termX: PAD, termY, termW, termH };
}

function head(l: Layout, opts: SvgOptions, css: string): string {
  const t = opts.theme;
  const bar = opts.title !== null
    ? `<circle cx="${PAD + 8}" cy="${BAR / 2 + 4}" r="6" fill="#ff5f58"/><circle cx="${PAD + 28}" cy="${BAR / 2 + 4}" r="6" fill="#ffbd2e"/><circle cx="${PAD + 48}" cy="${BAR / 2 + 4}" r="6" fill="#18c132"/>` +
      `<text x="${l.width / 2}" y="${BAR / 2 + 10}" text-anchor="middle" class="t">${esc(opts.title)}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}">` +
    `<style>text{font-family:${FONTS};font-size:${FONT_SIZE}px;fill:${t.fg};white-space:pre}.t{font-size:15px;opacity:.75}` +
    `.b{font-weight:bold}.d{fill-opacity:.55}.i{font-style:italic}.u{text-decoration:underline}${css}</style>` +
    `<rect width="${l.width}" height="${l.height}" rx="8" fill="${t.bg}"/>${bar}`;
}

/** One frame as a still image: rows inline, no animation. */
export function stillSvg(screen: Screen, opts: SvgOptions): string {
  const pal = new Palette(opts.theme);
  const l = layout([screen], opts.title);
  let body = '';
  screen.lines.forEach((runs, y) => {
    if (runs.length) body += `<g transform="translate(0 ${y * CELL_H})">${rowMarkup(runs, pal)}</g>`;
  });
  return `${head(l, opts, pal.css())}<svg x="${l.termX}" y="${l.termY}" width="${l.termW}" height="${l.termH}">${body}</svg></svg>\n`;
}

const pct = (x: number) => `${+(x * 100).toFixed(4)}%`;

/** The frames as one looping animated SVG (each frame shows from `at` for `hold` seconds). */
export function animatedSvg(frames: TimedFrame[], opts: SvgOptions): string {
  const pal = new Palette(opts.theme);
  const l = layout(frames.map((f) => f.screen), opts.title);
  const rows = new Names();
  let defs = '';
  let strip = '';
  frames.forEach((f, i) => {
    let uses = '';
    f.screen.lines.forEach((runs, y) => {
      if (!runs.length) return;
      const { id, fresh } = rows.name(rowKey(runs));
      if (fresh) defs += `<g id="${id}">${rowMarkup(runs, pal)}</g>`;
      uses += `<use href="#${id}"${y ? ` y="${y * CELL_H}"` : ''}/>`;
    });
    strip += i ? `<g transform="translate(${i * l.termW})">${uses}</g>` : `<g>${uses}</g>`;
  });
  const total = frames[frames.length - 1].at + frames[frames.length - 1].hold;
  // steps(1,end): each keyframe's position holds until the next keyframe.
  const keys = frames.map((f, i) => `${pct(f.at / total)}{transform:translateX(${-i * l.termW}px)}`).join('');
  const anim = frames.length > 1 ? `@keyframes k{${keys}}.s{animation:k ${+total.toFixed(3)}s steps(1,end) infinite}` : '';
  return `${head(l, opts, pal.css() + anim)}<svg x="${l.termX}" y="${l.termY}" width="${l.termW}" height="${l.termH}">` +
    `<defs>${defs}</defs><g class="s">${strip}</g></svg></svg>\n`;
}
