// GIF and PNG output use packages the dashboard does not need, so the published package does not
// depend on them: they are loaded here when asked for, and when missing the user gets one line
// naming what to install.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { ExportInputError } from './errors.js';

/** What raster output needs: a GIF encoder, a font parser and a bitmap font (GNU Unifont's glyphs). */
export const RASTER_PACKAGES = ['gifenc', 'opentype.js', '@fontsource/unifontex'] as const;
const FONT_FILE = '@fontsource/unifontex/files/unifontex-latin-400-normal.woff';

export interface GifEncoderApi {
  GIFEncoder(): {
    writeFrame(index: Uint8Array, width: number, height: number, opts?: { palette?: number[][]; delay?: number; repeat?: number }): void;
    finish(): void;
    bytes(): Uint8Array;
  };
}

export interface FontGlyph {
  advanceWidth?: number;
  path: { commands: { type: string; x?: number; y?: number; x1?: number; y1?: number; x2?: number; y2?: number }[] };
}
export interface ParsedFont {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  hasChar(c: string): boolean;
  charToGlyph(c: string): FontGlyph;
}

export function missing(what: string): ExportInputError {
  const list = RASTER_PACKAGES.join(' ');
  return new ExportInputError(`${what} needs the optional packages ${RASTER_PACKAGES.join(', ')}: npm i -g ${list} (or npx -p kube-ha-lab ${RASTER_PACKAGES.map((p) => `-p ${p}`).join(' ')} kube-ha-lab export ...)`);
}

// Specifiers in variables: the bundler leaves these imports to run time instead of bundling them.
// A CommonJS package may come back as the module, its default, or a default's default: take the
// first that has `key`.
export async function loadOptional<T>(name: string, key: string, what: string): Promise<T> {
  let mod: unknown;
  try {
    mod = await import(name);
  } catch {
    throw missing(what);
  }
  for (let m = mod as Record<string, unknown> | undefined, depth = 0; m && depth < 3; m = m.default as Record<string, unknown> | undefined, depth++) {
    if (typeof m[key] === 'function') return m as T;
  }
  throw missing(what);
}

export async function loadGifEncoder(what: string): Promise<GifEncoderApi> {
  return loadOptional<GifEncoderApi>(RASTER_PACKAGES[0], 'GIFEncoder', what);
}

let fontCache: ParsedFont | null = null;

/** Unifont's glyphs (8×16 pixels, 16×16 for wide ones), parsed once. */
export async function loadBitmapFont(what: string): Promise<ParsedFont> {
  if (fontCache) return fontCache;
  const opentype = await loadOptional<{ parse(buf: ArrayBuffer): ParsedFont }>(RASTER_PACKAGES[1], 'parse', what);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(createRequire(import.meta.url).resolve(FONT_FILE));
  } catch {
    throw missing(what);
  }
  fontCache = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return fontCache;
}
