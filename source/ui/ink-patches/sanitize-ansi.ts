// Stands in for Ink's sanitize-ansi module in the bundled CLI (see README.md here). Ink cleans every
// text node's escape codes on every layout and every draw by tokenizing the whole text; the
// dashboard's texts hold only colour codes, which Ink keeps as they are, so such a text is
// returned at once and anything else goes to Ink's own function (test/ui/text-metrics.test.ts).
import inkSanitizeAnsi from 'ink-upstream/sanitize-ansi.js';
import { onlySgrCodes } from './styled-chars.js';

export default function sanitizeAnsi(text: string): string {
  return onlySgrCodes(text) ? text : inkSanitizeAnsi(text);
}
