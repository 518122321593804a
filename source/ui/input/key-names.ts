// Key names of keystroke scripts (enter, esc, up, ctrl+c, alt+x, ...) and the bytes a terminal
// sends for each.
export const NAMED_KEYS: Readonly<Record<string, string>> = Object.freeze({
  enter: '\r',
  return: '\r',
  esc: '\u001b',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  tab: '\t',
  'shift+tab': '\u001b[Z',
  space: ' ',
  backspace: '\u007f',
  delete: '\u001b[3~',
  home: '\u001b[H',
  end: '\u001b[F',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
});

export const KEY_NAMES_TEXT = 'enter, esc, up, down, left, right, tab, shift+tab, space, backspace, delete, home, end, pageup, pagedown, ctrl+<letter>, alt+<char>, or one character';

/** The bytes a terminal sends for a key name, or null when the name is unknown. */
export function keySequence(name: string): string | null {
  if ([...name].length === 1) return name; // a literal character, case kept
  const k = name.trim().toLowerCase().replace(/\s+/g, '').replace(/^control\+|^ctl\+/, 'ctrl+').replace(/^esc\+|^meta\+|^option\+/, 'alt+');
  if (k in NAMED_KEYS) return NAMED_KEYS[k];
  let m = /^ctrl\+([a-z])$/.exec(k);
  if (m) return String.fromCharCode(m[1].charCodeAt(0) - 96);
  m = /^alt\+(.+)$/.exec(name.trim());
  if (m) {
    const inner = keySequence(m[1]);
    return inner === null ? null : '\u001b' + inner;
  }
  return null;
}
