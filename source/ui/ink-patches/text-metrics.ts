// Text measurement for Ink's layout and renderer, with bounded, line-level caches.
//
// Ink measures every text node on every frame: its layout asks for the widest line (cached per
// whole text, in a map that never forgets, so a dashboard whose clock changes leaks every frame's
// text) and its renderer asks again without any cache. Measuring a line with box-drawing glyphs
// means grapheme segmentation, so this was a third of a frame's cost. Here each distinct line is
// measured once while it stays on screen, a whole text once while it is drawn unchanged, and the
// caches are bounded. The bundled CLI is built with these in place of Ink's `widest-line` and
// `measure-text` modules; the results are the same (test/ui/text-metrics.test.ts checks them
// against the originals).
import stringWidth from 'string-width';
import { BoundedCache } from './bounded-cache.js';
import { simpleWidth } from './styled-chars.js';

const lineWidths = new BoundedCache<number>(8192);
const measures = new BoundedCache<{ width: number; height: number }>(1024);

/** Display width of one line (ANSI codes take no room; wide characters take two). */
export function lineWidth(line: string): number {
  return lineWidths.get(line, (l) => simpleWidth(l) ?? stringWidth(l));
}

function widestOf(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    const w = lineWidth(line);
    if (w > widest) widest = w;
  }
  return widest;
}

/** Width and height of a text, as Ink's layout measures a text node. */
export function measureText(text: string): { width: number; height: number } {
  if (text.length === 0) return { width: 0, height: 0 };
  return measures.get(text, (t) => ({ width: widestOf(t), height: t.split('\n').length }));
}

/**
 * Width of the widest line of a text. Ink asks for it again when it draws each text node it has
 * just measured (and each frame for nodes that did not change): it comes from the same cache.
 */
export function widestLine(text: string): number {
  return measureText(text).width;
}

export default measureText;
