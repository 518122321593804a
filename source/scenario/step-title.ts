// A step's title for the chapter list (lesson key g): the first sentence of its narration, else its
// question, else what it does. Pure.
import type { Step } from './schema.js';

/** The first sentence of `text` (up to the first . ! ? or : followed by a space), whitespace folded. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?:])(\s|$)/.exec(flat);
  return (m ? m[1] : flat).replace(/[.:]$/, '');
}

export function stepTitle(st: Step): string {
  if (st.say) return firstSentence(st.say);
  if (st.ask) return st.ask.question;
  if (st.do && st.do !== 'none') return [st.do, st.target ?? st.component ?? st.topology ?? ''].join(' ').trim();
  if (st.wait) return 'wait';
  return st.marker ?? 'pause';
}
