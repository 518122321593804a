// GIF and PNG output (filled in below).
import type { Screen } from './screen-model.js';
import type { TimedFrame } from './timeline.js';
import type { SvgOptions } from './svg.js';
import { ExportInputError } from './errors.js';

export async function animatedGif(_frames: TimedFrame[], _opts: SvgOptions): Promise<Uint8Array> {
  throw new ExportInputError('GIF export is not available yet');
}

export async function stillPng(_screen: Screen, _opts: SvgOptions): Promise<Uint8Array> {
  throw new ExportInputError('PNG export is not available yet');
}
