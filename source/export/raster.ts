// Paints screens into pixels with a bitmap font: each cell 8×16 pixels, Unifont's glyphs (whose
// outlines are pixel squares, so sampling each pixel's centre reproduces the bitmap exactly).
// Pixels are palette indexes; the palette holds the theme's colours and what the screen uses.
import type { Run, Screen } from './screen-model.js';
import { rowKey } from './screen-model.js';
import { resolveColour, type Theme } from './themes.js';
import type { FontGlyph, ParsedFont } from './optional-packages.js';

export const GLYPH_W = 8;
export const GLYPH_H = 16;

/** A glyph as rows of bits: bitmap[y] has bit x set (x from the left) where the pixel is ink. */
export interface GlyphBits {
  width: number;
  bitmap: Uint32Array;
}

/** Non-zero winding test of a point against a path's straight (flattened) edges. */
function inside(edges: number[], x: number, y: number): boolean {
  let wind = 0;
  for (let i = 0; i < edges.length; i += 4) {
    const [x0, y0, x1, y1] = [edges[i], edges[i + 1], edges[i + 2], edges[i + 3]];
    if (y0 <= y ? y1 > y : y1 <= y) {
      const cross = (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0);
      if (y1 > y0 ? cross > 0 : cross < 0) wind += y1 > y0 ? 1 : -1;
    }
  }
  return wind !== 0;
}

function edgesOf(g: FontGlyph): number[] {
  const edges: number[] = [];
  let sx = 0, sy = 0, px = 0, py = 0;
  const line = (x: number, y: number) => {
    edges.push(px, py, x, y);
    px = x;
    py = y;
  };
  for (const c of g.path.commands) {
    if (c.type === 'M') {
      sx = px = c.x!;
      sy = py = c.y!;
    } else if (c.type === 'L') line(c.x!, c.y!);
    else if (c.type === 'Q' || c.type === 'C') {
      // Curves (rare in a pixel font) are flattened into a few segments.
      const [ax, ay] = [px, py];
      for (let k = 1; k <= 4; k++) {
        const t = k / 4, u = 1 - t;
        if (c.type === 'Q') line(u * u * ax + 2 * u * t * c.x1! + t * t * c.x!, u * u * ay + 2 * u * t * c.y1! + t * t * c.y!);
        else line(u * u * u * ax + 3 * u * u * t * c.x1! + 3 * u * t * t * c.x2! + t * t * t * c.x!, u * u * u * ay + 3 * u * u * t * c.y1! + 3 * u * t * t * c.y2! + t * t * t * c.y!);
      }
    } else if (c.type === 'Z') line(sx, sy);
  }
  return edges;
}

export class GlyphCache {
  private readonly cache = new Map<string, GlyphBits>();
  private readonly unit: number;
  constructor(private readonly font: ParsedFont) {
    this.unit = font.unitsPerEm / GLYPH_H; // font units per pixel
  }

  /** The glyph for `ch` squeezed or widened to `cells` cells. */
  get(ch: string, cells: number): GlyphBits {
    const key = `${cells}${ch}`;
    let g = this.cache.get(key);
    if (!g) {
      g = this.rasterise(ch, cells);
      this.cache.set(key, g);
    }
    return g;
  }

  private rasterise(ch: string, cells: number): GlyphBits {
    const width = cells * GLYPH_W;
    const bitmap = new Uint32Array(GLYPH_H);
    if (ch.trim() === '' || !this.font.hasChar(ch)) return { width, bitmap };
    const glyph = this.font.charToGlyph(ch);
    const edges = edgesOf(glyph);
    const native = Math.max(1, Math.round((glyph.advanceWidth ?? this.unit * GLYPH_W) / this.unit));
    for (let y = 0; y < GLYPH_H; y++) {
      const fy = this.font.ascender - (y + 0.5) * this.unit;
      let bits = 0;
      for (let x = 0; x < native; x++) {
        if (!inside(edges, (x + 0.5) * this.unit, fy)) continue;
        // A glyph wider than its cells (a wide symbol in one cell) is squeezed column pairs into one.
        const tx = native > width ? Math.floor((x * width) / native) : x;
        if (tx < 32) bits |= 1 << tx;
      }
      bitmap[y] = bits;
    }
    return { width, bitmap };
  }
}

const parse = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Colours by index (at most 256; later colours map to the nearest one already there). */
export class IndexedPalette {
  readonly colours: [number, number, number][] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly theme: Theme) {
    this.of(theme.bg);
    this.of(theme.fg);
  }
  of(hex: string): number {
    const had = this.index.get(hex);
    if (had !== undefined) return had;
    const rgb = parse(hex);
    let i: number;
    if (this.colours.length < 256) {
      i = this.colours.length;
      this.colours.push(rgb);
    } else {
      let best = Infinity;
      i = 0;
      this.colours.forEach((c, k) => {
        const d = (c[0] - rgb[0]) ** 2 + (c[1] - rgb[1]) ** 2 + (c[2] - rgb[2]) ** 2;
        if (d < best) [best, i] = [d, k];
      });
    }
    this.index.set(hex, i);
    return i;
  }
  /** `hex` faded 45% toward the background (dim text). */
  dim(hex: string): number {
    const [a, b] = [parse(hex), parse(this.theme.bg)];
    const mix = a.map((v, k) => Math.round(v * 0.55 + b[k] * 0.45));
    return this.of(`#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`);
  }
  /** The palette as gifenc takes it, padded to a power of two. */
  rgbList(): number[][] {
    const out = this.colours.map((c) => [...c]);
    let size = 2;
    while (size < out.length) size *= 2;
    while (out.length < size) out.push([0, 0, 0]);
    return out;
  }
}

/** Paints one row of cells (width cols×8, height 16) into an index buffer. */
export function paintRow(runs: Run[], cols: number, glyphs: GlyphCache, pal: IndexedPalette): Uint8Array {
  const w = cols * GLYPH_W;
  const px = new Uint8Array(w * GLYPH_H).fill(pal.of(pal.theme.bg));
  for (const r of runs) {
    const bg = pal.of(resolveColour(pal.theme, r.bg));
    const fgHex = resolveColour(pal.theme, r.fg);
    const fg = r.dim ? pal.dim(fgHex) : pal.of(fgHex);
    const x0 = r.col * GLYPH_W;
    const x1 = Math.min(w, (r.col + r.width) * GLYPH_W);
    if (r.bg !== 'bg') for (let y = 0; y < GLYPH_H; y++) px.fill(bg, y * w + x0, y * w + x1);
    let x = x0;
    const cells = r.width === [...r.text].length ? 1 : 2;
    for (const ch of r.text) {
      const g = glyphs.get(ch, cells);
      for (let y = 0; y < GLYPH_H; y++) {
        // Bold: the glyph again one pixel to the right, as terminals with bitmap fonts do.
        const bits = r.bold ? g.bitmap[y] | (g.bitmap[y] << 1) : g.bitmap[y];
        if (!bits) continue;
        for (let gx = 0; gx < g.width && x + gx < w; gx++) if (bits & (1 << gx)) px[y * w + x + gx] = fg;
      }
      if (r.underline) px.fill(fg, (GLYPH_H - 1) * w + x, (GLYPH_H - 1) * w + Math.min(w, x + g.width));
      x += g.width;
    }
  }
  return px;
}

/** A screen as an index buffer (cols×8 by rows×16), rows painted once and reused by key. */
export function paintScreen(screen: Screen, glyphs: GlyphCache, pal: IndexedPalette, rowCache: Map<string, Uint8Array>): Uint8Array {
  const w = screen.cols * GLYPH_W;
  const out = new Uint8Array(w * screen.rows * GLYPH_H);
  screen.lines.forEach((runs, y) => {
    const key = `${screen.cols}|${rowKey(runs)}`;
    let row = rowCache.get(key);
    if (!row) {
      row = paintRow(runs, screen.cols, glyphs, pal);
      rowCache.set(key, row);
    }
    out.set(row, y * w * GLYPH_H);
  });
  return out;
}
