// Lines of styled segments as one terminal text block, with the dashboard's own segment styles
// (styles.ts): no colour at all when colour is off (NO_COLOR / --no-color). Views outside the App's
// own frame (the timeline, the event detail, menus) draw through this.
import { type Line, clip } from './lines.js';
import { styled } from './styles.js';

/** Lines cut to `width` (ending with … where cut) and joined as one text block. */
export function styledText(lines: Line[], width: number, noColor: boolean): string {
  return lines.map((l) => clip(l, width).map((s) => styled(s, noColor)).join('').replace(/ +$/, '') || ' ').join('\n');
}
