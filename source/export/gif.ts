// GIF (the animation) and PNG (a still) output: screens painted with the bitmap font into an
// indexed image with a window frame (padding, and a title bar when there is a title), encoded by
// gifenc, or as PNG with node's zlib.
import type { Screen } from './screen-model.js';
import type { TimedFrame } from './timeline.js';
import type { SvgOptions } from './svg.js';
import { GLYPH_H, GLYPH_W, GlyphCache, IndexedPalette, paintRow, paintScreen } from './raster.js';
import { loadBitmapFont, loadGifEncoder } from './optional-packages.js';
import { encodePng } from './png.js';

const PAD = 8;
const BAR = 24;
const DOTS = ['#ff5f58', '#ffbd2e', '#18c132'];

interface Canvas {
  width: number;
  height: number;
  /** Where the terminal goes. */
  x: number;
  y: number;
  /** The frame (background, title bar) with the terminal area blank. */
  base: Uint8Array;
}

function frameCanvas(cols: number, rows: number, title: string | null, glyphs: GlyphCache, pal: IndexedPalette): Canvas {
  const tw = cols * GLYPH_W;
  const th = rows * GLYPH_H;
  const top = (title !== null ? BAR : 0) + PAD;
  const width = tw + 2 * PAD;
  const height = top + th + PAD;
  const base = new Uint8Array(width * height).fill(pal.of(pal.theme.bg));
  if (title !== null) {
    DOTS.forEach((hex, i) => {
      const c = pal.of(hex);
      const cx = PAD + 6 + i * 16;
      const cy = BAR / 2 + 2;
      for (let y = -5; y <= 5; y++) for (let x = -5; x <= 5; x++) if (x * x + y * y <= 25) base[(cy + y) * width + cx + x] = c;
    });
    const maxCols = Math.floor((width - 2 * 60) / GLYPH_W);
    const text = [...title].slice(0, maxCols).join('');
    const n = [...text].length;
    const row = paintRow([{ col: 0, width: n, text, fg: 'fg', bg: 'bg', bold: false, dim: true, italic: false, underline: false }], n, glyphs, pal);
    const x0 = Math.floor((width - n * GLYPH_W) / 2);
    const y0 = Math.floor((BAR - GLYPH_H) / 2) + 2;
    for (let y = 0; y < GLYPH_H; y++) base.set(row.subarray(y * n * GLYPH_W, (y + 1) * n * GLYPH_W), (y0 + y) * width + x0);
  }
  return { width, height, x: PAD, y: top, base };
}

function place(c: Canvas, screenPx: Uint8Array, cols: number): Uint8Array {
  const out = c.base.slice();
  const tw = cols * GLYPH_W;
  const th = screenPx.length / tw;
  for (let y = 0; y < th; y++) out.set(screenPx.subarray(y * tw, (y + 1) * tw), (c.y + y) * c.width + c.x);
  return out;
}

/** The frames as a looping GIF; each frame's delay is its hold, rounded so the total stays exact. */
export async function animatedGif(frames: TimedFrame[], opts: SvgOptions): Promise<Uint8Array> {
  const { GIFEncoder } = await loadGifEncoder('GIF export');
  const font = await loadBitmapFont('GIF export');
  const glyphs = new GlyphCache(font);
  const pal = new IndexedPalette(opts.theme);
  // A cast that resizes: the picture takes the largest size, each frame drawn at its top left.
  const cols = Math.max(...frames.map((f) => f.screen.cols));
  const rows = Math.max(...frames.map((f) => f.screen.rows));
  const canvas = frameCanvas(cols, rows, opts.title, glyphs, pal);
  const rowCache = new Map<string, Uint8Array>();
  const images = frames.map((f) => place(canvas, paintScreen(f.screen, glyphs, pal, rowCache), f.screen.cols));
  // The palette is complete only once every frame is painted: encode afterwards.
  const palette = pal.rgbList();
  const gif = GIFEncoder();
  let shownCs = 0;
  frames.forEach((f, i) => {
    const endCs = Math.round((f.at + f.hold) * 100);
    const delay = Math.max(2, endCs - shownCs); // browsers treat 0-1 cs as 10 cs
    shownCs += delay;
    gif.writeFrame(images[i], canvas.width, canvas.height, { delay: delay * 10, repeat: 0, ...(i === 0 ? { palette } : {}) });
  });
  gif.finish();
  return gif.bytes();
}

/** One screen as a PNG (the poster image), drawn like a GIF frame. */
export async function stillPng(screen: Screen, opts: SvgOptions): Promise<Uint8Array> {
  const font = await loadBitmapFont('PNG export');
  const glyphs = new GlyphCache(font);
  const pal = new IndexedPalette(opts.theme);
  const canvas = frameCanvas(screen.cols, screen.rows, opts.title, glyphs, pal);
  const img = place(canvas, paintScreen(screen, glyphs, pal, new Map()), screen.cols);
  return encodePng(img, canvas.width, canvas.height, pal.colours);
}
