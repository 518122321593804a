// Reads what a cast shows at a moment: its output replayed through the export module's terminal
// model, as rows of text (the tests of recordings read the screen a viewer would see).
import { readCastText } from '../../source/export/cast-input.js';
import { replayFrames, type Frame } from '../../source/export/replay.js';
import { rowText } from '../../source/export/screen-model.js';

export interface CastScreens {
  frames: Frame[];
  markers: [number, string][];
  /** The screen's rows at cast time `t` (seconds): the last frame at or before it. */
  at(t: number): string[];
  /** The time of the marker named `label`. */
  marker(label: string): number;
}

export async function castScreens(text: string): Promise<CastScreens> {
  const r = readCastText(text, 'test.cast');
  if (!r.ok) throw new Error(r.error);
  const frames = await replayFrames(r.cast);
  const markers = r.cast.markers;
  return {
    frames,
    markers,
    at(t) {
      let f = frames[0];
      for (const x of frames) if (x.t <= t) f = x;
      return f.screen.lines.map(rowText);
    },
    marker(label) {
      const m = markers.find(([, l]) => l === label);
      if (!m) throw new Error(`no marker "${label}" in ${JSON.stringify(markers.map(([, l]) => l))}`);
      return m[0];
    },
  };
}
